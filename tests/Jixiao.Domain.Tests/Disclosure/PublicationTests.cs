using Jixiao.Domain.Access;
using Jixiao.Domain.Disclosure;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Disclosure;

/// <summary>信息公开: where an approved item stands, who publishes, what a batch and a 不公开 need.</summary>
public sealed class PublicationTests
{
    private static readonly ReviewActor Perf = new(1, "perf", Role.PerformanceDivision);
    private static readonly DateTime Now = new(2026, 12, 8, 2, 0, 0, DateTimeKind.Utc);

    public static TheoryData<int, int?, bool, PublicationState> States => new()
    {
        { 1, null, false, PublicationState.Waiting },
        { 1, 1, false, PublicationState.Published },
        // an adjustment approved after publication: the new version waits, the old one stays public
        { 2, 1, false, PublicationState.NewVersion },
        { 3, 3, false, PublicationState.Published },
        { 1, null, true, PublicationState.Withheld },
        { 2, 1, true, PublicationState.Withheld },
    };

    [Theory, MemberData(nameof(States))]
    public void State_OfAnApprovedItem(int approved, int? published, bool withheld, PublicationState expected) =>
        Assert.Equal(expected, PublicationStates.Of(approved, published, withheld));

    [Fact]
    public void Batch_IsPublishedByThePerformanceDivision_WithADefaultTitle_AndNeverEmpty()
    {
        var batch = PublicationBatch.Publish("140423", 2027, PublicationKind.ProjectTargets, " ", 12, Perf, new DateOnly(2026, 12, 8), Now);
        Assert.Equal(("2027 年部门预算项目绩效目标", 12, new DateOnly(2026, 12, 8), "perf"), (batch.Title, batch.Items, batch.PublishedOn, batch.PublishedBy));
        Assert.Equal("2026 年度绩效自评结果", PublicationBatch.DefaultTitle(2026, PublicationKind.SelfEvaluationResults));

        Assert.Throws<ForbiddenException>(() => PublicationBatch.Publish("140423", 2027, PublicationKind.ProjectTargets, null, 1,
            Perf with { Role = Role.BusinessDivision }, new DateOnly(2026, 12, 8), Now));
        var empty = Assert.Throws<ConflictException>(() =>
            PublicationBatch.Publish("140423", 2027, PublicationKind.DepartmentTargets, null, 0, Perf, new DateOnly(2026, 12, 8), Now));
        Assert.Contains("没有待公开的部门整体绩效目标", empty.Message);
        var title = Assert.Throws<DomainException>(() =>
            PublicationBatch.Publish("140423", 2027, PublicationKind.ProjectTargets, "目标", 3, Perf, new DateOnly(2026, 12, 8), Now));
        Assert.Equal("批次名称", title.Field);
    }

    [Fact]
    public void Withholding_NeedsAReasonOfTheList_AndItsBasis()
    {
        var reasons = DisclosureSetting.DefaultReasons;
        var kept = Withholding.Withhold("140423", 2027, PublicationKind.ProjectTargets, "P42", "依申请公开", " 涉及第三方合同 ", reasons, Perf, Now);
        Assert.Equal(("依申请公开", "涉及第三方合同"), (kept.Reason, kept.Note));

        var notListed = Assert.Throws<DomainException>(() => Withholding.Withhold("140423", 2027, PublicationKind.ProjectTargets, "P42", "不想公开", "x", reasons, Perf, Now));
        Assert.Equal("不公开理由", notListed.Field);
        Assert.Contains("涉及国家秘密、依申请公开", notListed.Message);
        var noBasis = Assert.Throws<DomainException>(() => Withholding.Withhold("140423", 2027, PublicationKind.ProjectTargets, "P42", "依申请公开", " ", reasons, Perf, Now));
        Assert.Equal("说明", noBasis.Field);
        Assert.Throws<ForbiddenException>(() => Withholding.Withhold("140423", 2027, PublicationKind.ProjectTargets, "P42", "依申请公开", "x", reasons,
            Perf with { Role = Role.UnitFiller }, Now));
    }

    [Fact]
    public void Reasons_AreALineEach_TrimmedAndDistinct_NeverNone()
    {
        var setting = DisclosureSetting.Create("140423", 2027);
        Assert.Equal(DisclosureSetting.DefaultReasons, setting.ReasonList);
        setting.SetReasons(" 涉密 \n\n依申请公开\n涉密\n", Now);
        Assert.Equal(["涉密", "依申请公开"], setting.ReasonList);
        Assert.Equal("不公开理由清单", Assert.Throws<DomainException>(() => setting.SetReasons(" \n ", Now)).Field);
        Assert.Contains("超过 30 字", Assert.Throws<DomainException>(() => setting.SetReasons(new string('密', 31), Now)).Message);
    }
}
