using Jixiao.Domain.Agencies;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.Tests.Monitoring;

namespace Jixiao.Domain.Tests.Agencies;

/// <summary>The agency register: details, status transitions with their periods, conflicts by date, ratings.</summary>
public sealed class AgencyTests
{
    private const string Reason = "评价报告质量考核不合格";
    private static readonly DateOnly Jan1 = new(2026, 1, 1);

    public static AgencyDetails Details(string name = "山西正信会计师事务所", string code = "91140423MA0GRT5K3W", int staff = 36,
        string phone = "0355-5722001", string email = "zx@example.com") =>
        new(name, AgencyType.AccountingFirm, code, "王丽", phone, email, "襄垣县古韩镇太行路 18 号", staff,
            [new AgencyQualification(EngagementScope.KeyEvaluation, "会计师事务所执业证书 14040023"), new AgencyQualification(EngagementScope.Monitoring, "")]);

    private static Agency Zhengxin() => Saved.WithId(Agency.Create("140423", Details()), 1);

    [Fact]
    public void Create_ValidDetails_KeepsThemWithQualificationsInScopeOrder()
    {
        var agency = Zhengxin();
        Assert.Equal("91140423MA0GRT5K3W", agency.CreditCode);
        Assert.Equal([EngagementScope.Monitoring, EngagementScope.KeyEvaluation], agency.Qualifications.Select(q => q.Scope));
        Assert.True(agency.IsQualifiedFor(EngagementScope.KeyEvaluation));
        Assert.False(agency.IsQualifiedFor(EngagementScope.ExAnte));
        Assert.Equal(AgencyStatus.Active, agency.Status);
    }

    [Theory]
    [InlineData("", "91140423MA0GRT5K3W", 36, "0355-5722001", "a@b.cn", "机构名称")]
    [InlineData("山西正信", "91140423MA0GRT5K3X", 36, "0355-5722001", "a@b.cn", "统一社会信用代码")]
    [InlineData("山西正信", "91140423MA0GRT5K3W", -1, "0355-5722001", "a@b.cn", "从业人员数")]
    [InlineData("山西正信", "91140423MA0GRT5K3W", 36, "电话5722001", "a@b.cn", "联系电话")]
    [InlineData("山西正信", "91140423MA0GRT5K3W", 36, "12345", "a@b.cn", "联系电话")]
    [InlineData("山西正信", "91140423MA0GRT5K3W", 36, "13903551234", "zx.example.com", "电子邮箱")]
    public void Create_BadField_NamesTheField(string name, string code, int staff, string phone, string email, string field)
    {
        var e = Assert.Throws<DomainException>(() => Agency.Create("140423", Details(name, code, staff, phone, email)));
        Assert.Equal(field, e.Field);
        Chinese.AssertMessage(e.Message);
    }

    [Fact]
    public void Create_SameScopeTwice_IsRefused()
    {
        var details = Details() with
        {
            Qualifications = [new(EngagementScope.ExAnte, "甲"), new(EngagementScope.ExAnte, "乙")],
        };
        Assert.Equal("资质范围", Assert.Throws<DomainException>(() => Agency.Create("140423", details)).Field);
    }

    /// <summary>从 → 动作 → 到, or the refusal. "P" blacklisting: permanent (no end date).</summary>
    [Theory]
    [InlineData(AgencyStatus.Active, "suspend", AgencyStatus.Suspended)]
    [InlineData(AgencyStatus.Active, "blacklist", AgencyStatus.Blacklisted)]
    [InlineData(AgencyStatus.Suspended, "blacklist", AgencyStatus.Blacklisted)]
    [InlineData(AgencyStatus.Suspended, "reinstate", AgencyStatus.Active)]
    [InlineData(AgencyStatus.Active, "reinstate", null)]
    [InlineData(AgencyStatus.Suspended, "suspend", null)]
    [InlineData(AgencyStatus.Blacklisted, "suspend", null)]
    [InlineData(AgencyStatus.Blacklisted, "blacklist", null)]
    public void Transitions_FromStatus_FollowTheTable(AgencyStatus from, string action, AgencyStatus? to)
    {
        var agency = Zhengxin();
        if (from == AgencyStatus.Suspended) agency.Suspend(Reason, Jan1, new DateOnly(2026, 6, 30));
        if (from == AgencyStatus.Blacklisted) agency.Blacklist(Reason, Jan1, new DateOnly(2026, 6, 30));
        void Act()
        {
            switch (action)
            {
                case "suspend": agency.Suspend(Reason, new DateOnly(2026, 3, 1), null); break;
                case "blacklist": agency.Blacklist(Reason, new DateOnly(2026, 3, 1), new DateOnly(2028, 12, 31)); break;
                default: agency.Reinstate("整改完成，恢复在库", new DateOnly(2026, 3, 1)); break;
            }
        }
        if (to is { } expected)
        {
            Act();
            Assert.Equal(expected, agency.Status);
        }
        else
        {
            Chinese.AssertMessage(Assert.Throws<ConflictException>(Act).Message);
            Assert.Equal(from, agency.Status);
        }
    }

    [Theory]
    [InlineData(null, "2030-01-01", "永久")]
    [InlineData("2026-12-31", "2026-12-31", "期满后")]
    [InlineData("2026-12-31", "2027-01-01", null)]
    public void Reinstate_FromBlacklist_OnlyAfterItsPeriod(string? until, string on, string? refusal)
    {
        var agency = Zhengxin();
        agency.Blacklist(Reason, Jan1, until is null ? null : DateOnly.Parse(until));
        void Act() => agency.Reinstate("黑名单期满，申请恢复", DateOnly.Parse(on));
        if (refusal is null)
        {
            Act();
            Assert.Equal(AgencyStatus.Active, agency.Status);
        }
        else Assert.Contains(refusal, Assert.Throws<ConflictException>(Act).Message);
    }

    [Theory]
    [InlineData(null, "2026-01-01", null, "暂停必须写明理由")]
    [InlineData(Reason, "2026-06-01", "2026-05-31", "早于起始日期")]
    public void Suspend_WithoutReasonOrBackwardPeriod_IsRefused(string? reason, string from, string? to, string message)
    {
        var agency = Zhengxin();
        var e = Assert.ThrowsAny<DomainException>(() => agency.Suspend(reason, DateOnly.Parse(from), to is null ? null : DateOnly.Parse(to)));
        Assert.Contains(message, e.Message);
        Assert.Equal(AgencyStatus.Active, agency.Status);
    }

    /// <summary>Suspended 2026-03-01 – 2026-06-30: active before and after, not within (both ends included).</summary>
    [Theory]
    [InlineData("2026-02-28", true)]
    [InlineData("2026-03-01", false)]
    [InlineData("2026-06-30", false)]
    [InlineData("2026-07-01", true)]
    public void IsActiveOn_SuspensionPeriod_ExcludesItsDays(string on, bool active)
    {
        var agency = Zhengxin();
        agency.Suspend(Reason, new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 30));
        Assert.Equal(active, agency.IsActiveOn(DateOnly.Parse(on)));
    }

    [Fact]
    public void IsActiveOn_OpenEndedBlacklist_NeverAgain() =>
        Assert.False(Blacklisted().IsActiveOn(new DateOnly(2040, 1, 1)));

    private static Agency Blacklisted()
    {
        var agency = Zhengxin();
        agency.Blacklist(Reason, Jan1, null);
        return agency;
    }

    /// <summary>年审 of unit 11 in 2025; an open-ended 咨询 contract with department 10 from 2026-04-01.</summary>
    [Theory]
    [InlineData(new long[] { 11 }, "2025-06-30", true)]
    [InlineData(new long[] { 11 }, "2025-01-01", true)]
    [InlineData(new long[] { 11 }, "2025-12-31", true)]
    [InlineData(new long[] { 11 }, "2026-01-01", false)]
    [InlineData(new long[] { 11 }, "2024-12-31", false)]
    [InlineData(new long[] { 12, 10 }, "2026-03-31", false)]
    [InlineData(new long[] { 12, 10 }, "2026-04-01", true)]
    [InlineData(new long[] { 12, 10 }, "2030-04-01", true)]
    [InlineData(new long[] { 12 }, "2026-05-01", false)]
    [InlineData(new long[] { }, "2025-06-30", false)]
    public void ConflictsWith_OrgsOnDate_WithinTheRecordedPeriods(long[] orgs, string on, bool conflict)
    {
        var agency = Zhengxin();
        agency.AddConflict(11, ConflictSource.Recorded, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), "承担该单位 2025 年度财务审计");
        agency.AddConflict(10, ConflictSource.Declared, new DateOnly(2026, 4, 1), null, "为该部门提供预算编制咨询");
        Assert.Equal(conflict, agency.ConflictsWith(orgs, DateOnly.Parse(on)));
    }

    [Theory]
    [InlineData("2025-06-01", "2026-06-30", true)]
    [InlineData("2026-01-01", null, false)]
    [InlineData("2024-01-01", "2024-12-31", false)]
    [InlineData("2024-01-01", null, true)]
    public void AddConflict_OverlappingTheSameOrg_IsRefused(string from, string? to, bool overlaps)
    {
        var agency = Zhengxin();
        agency.AddConflict(11, ConflictSource.Recorded, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), "财务审计");
        void Act() => agency.AddConflict(11, ConflictSource.Declared, DateOnly.Parse(from), to is null ? null : DateOnly.Parse(to), "咨询");
        if (overlaps) Assert.Throws<ConflictException>(Act);
        else
        {
            Act();
            Assert.Equal(2, agency.Conflicts.Count);
        }
    }

    [Fact]
    public void AddConflict_EndBeforeStartOrNoNote_IsRefused()
    {
        var agency = Zhengxin();
        Assert.Equal("截止日期", Assert.Throws<DomainException>(() =>
            agency.AddConflict(11, ConflictSource.Recorded, new DateOnly(2025, 6, 1), new DateOnly(2025, 5, 1), "审计")).Field);
        Assert.Equal("冲突说明", Assert.Throws<DomainException>(() => agency.AddConflict(11, ConflictSource.Recorded, Jan1, null, " ")).Field);
    }

    [Fact]
    public void Rate_SameYearAgain_ReplacesIt()
    {
        var agency = Zhengxin();
        agency.Rate(new AgencyRating(2025, 82.5m, AgencyGrade.Good));
        agency.Rate(new AgencyRating(2024, 91m, AgencyGrade.Excellent));
        agency.Rate(new AgencyRating(2025, 58m, AgencyGrade.Fail));
        Assert.Equal([(2024, 91m), (2025, 58m)], agency.Ratings.Select(r => (r.Year, r.Score)));
        Assert.Throws<DomainException>(() => agency.Rate(new AgencyRating(2025, 101m, AgencyGrade.Excellent)));
    }

    [Fact]
    public void CandidateOn_ReadsTheDay_ConflictsInForce_AndLastYearsRating()
    {
        var agency = Zhengxin();
        agency.AddConflict(12002, ConflictSource.Declared, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), "年审");
        agency.Rate(new AgencyRating(2025, 58m, AgencyGrade.Fail));
        agency.Rate(new AgencyRating(2026, 91m, AgencyGrade.Excellent));
        agency.Suspend("报告质量考核不合格", new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31));

        var spring = agency.CandidateOn(new DateOnly(2026, 3, 1), 2026, 2);
        Assert.Equal((true, 2, (decimal?)58m), (spring.Active, spring.OpenEngagements, spring.Rating));
        Assert.Equal([12002L], spring.ConflictOrgIds);
        var autumn = agency.CandidateOn(new DateOnly(2026, 10, 1), 2027, 0);
        Assert.Equal((false, 0, (decimal?)91m), (autumn.Active, autumn.ConflictOrgIds.Count, autumn.Rating));
    }
}
