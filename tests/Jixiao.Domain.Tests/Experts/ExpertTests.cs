using Jixiao.Domain.Experts;

namespace Jixiao.Domain.Tests.Experts;

/// <summary>The expert pool: fields from the indicator library's sector list, avoidance, status.</summary>
public sealed class ExpertTests
{
    private static ExpertDetails Details(IReadOnlyList<string>? fields = null, long? orgUnitId = 7) =>
        new("贾志刚", fields ?? ["education", "general"], "高级会计师", "襄垣县第一中学", orgUnitId, "13903551234", "",
            [21, 21, 20], ["李建国", " "]);

    private static Expert Jia() => Expert.Create("140423", Details());

    [Fact]
    public void Create_ValidDetails_KeepsFieldsAndAvoidanceWithoutDuplicates()
    {
        var expert = Jia();
        Assert.Equal(["education", "general"], expert.Fields);
        Assert.Equal([20L, 21L], expert.AvoidOrgUnitIds);
        Assert.Equal(["李建国"], expert.AvoidPersons);
        Assert.True(expert.IsActive);
    }

    [Theory]
    [InlineData(new string[] { }, "请至少选择一个行业领域")]
    [InlineData(new[] { "education", "space" }, "未知的行业领域“space”")]
    public void Create_BadFields_NamesTheField(string[] fields, string message)
    {
        var e = Assert.Throws<DomainException>(() => Expert.Create("140423", Details(fields)));
        Assert.Equal("行业领域", e.Field);
        Assert.Contains(message, e.Message);
    }

    /// <summary>Own organisation 7, listed organisations 20 and 21, listed person 李建国.</summary>
    [Theory]
    [InlineData(new long[] { 7 }, new string[] { }, true)]
    [InlineData(new long[] { 3, 21 }, new string[] { }, true)]
    [InlineData(new long[] { 3 }, new[] { "李建国" }, true)]
    [InlineData(new long[] { 3 }, new[] { "王强" }, false)]
    [InlineData(new long[] { }, new string[] { }, false)]
    public void MustAvoid_OwnOrListedOrgOrPerson(long[] orgs, string[] persons, bool avoid) =>
        Assert.Equal(avoid, Jia().MustAvoid(orgs, persons));

    [Fact]
    public void MustAvoid_OrganisationOutsideTheCounty_OnlyTheLists() =>
        Assert.False(Expert.Create("140423", Details(orgUnitId: null)).MustAvoid([7], []));

    [Theory]
    [InlineData(ExpertStatus.Active, "suspend", ExpertStatus.Suspended)]
    [InlineData(ExpertStatus.Active, "withdraw", ExpertStatus.Withdrawn)]
    [InlineData(ExpertStatus.Suspended, "reinstate", ExpertStatus.Active)]
    [InlineData(ExpertStatus.Suspended, "withdraw", ExpertStatus.Withdrawn)]
    [InlineData(ExpertStatus.Active, "reinstate", null)]
    [InlineData(ExpertStatus.Suspended, "suspend", null)]
    [InlineData(ExpertStatus.Withdrawn, "reinstate", null)]
    [InlineData(ExpertStatus.Withdrawn, "suspend", null)]
    [InlineData(ExpertStatus.Withdrawn, "withdraw", null)]
    public void Transitions_FromStatus_FollowTheTable(ExpertStatus from, string action, ExpertStatus? to)
    {
        var expert = Jia();
        if (from == ExpertStatus.Suspended) expert.Suspend("年内多次无故缺席评审");
        if (from == ExpertStatus.Withdrawn) expert.Withdraw("本人申请退出专家库");
        void Act()
        {
            switch (action)
            {
                case "suspend": expert.Suspend("年内多次无故缺席评审"); break;
                case "withdraw": expert.Withdraw("本人申请退出专家库"); break;
                default: expert.Reinstate("情况已说明，恢复在库"); break;
            }
        }
        if (to is { } expected)
        {
            Act();
            Assert.Equal(expected, expert.Status);
        }
        else
        {
            Chinese.AssertMessage(Assert.Throws<ConflictException>(Act).Message);
            Assert.Equal(from, expert.Status);
        }
    }

    [Fact]
    public void Suspend_WithoutReason_IsRefused() =>
        Assert.Contains("理由", Assert.Throws<DomainException>(() => Jia().Suspend("  ")).Message);
}
