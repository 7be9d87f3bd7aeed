using Jixiao.Domain.BudgetLinks;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Tests.Monitoring;

namespace Jixiao.Domain.Tests.BudgetLinks;

/// <summary>结果与预算挂钩: the rules' table with its boundaries, on a proposal of 100 万 continuing a project of 100 万 this year.</summary>
public sealed class LinkRulesTests
{
    private static LinkFacts Facts(Grade? grade, decimal requested = 1_000_000m, decimal current = 1_000_000m, decimal executed = 900_000m,
        bool distorted = false, int open = 0) =>
        new(grade is { } g ? new LinkResult(g, Score(g), LinkBasis.SelfEvaluation, 2025, "校舍维修改造") : null, distorted, open, requested, current, executed);

    private static decimal Score(Grade g) => g switch { Grade.Excellent => 92m, Grade.Good => 85m, Grade.Fair => 70m, _ => 52m };

    public static TheoryData<Grade, NextYearAction, decimal, ThisYearAction, decimal> ByGrade => new()
    {
        { Grade.Excellent, NextYearAction.Prioritise, 1_000_000m, ThisYearAction.None, 0m },
        { Grade.Good, NextYearAction.Keep, 1_000_000m, ThisYearAction.None, 0m },
        { Grade.Fair, NextYearAction.Reduce, 900_000m, ThisYearAction.None, 0m },
        // 差: reduced by 30 %, and this year's 10 万 not yet spent held until rectified
        { Grade.Poor, NextYearAction.Reduce, 700_000m, ThisYearAction.Suspend, 100_000m },
    };

    [Theory, MemberData(nameof(ByGrade))]
    public void EachGrade_HasItsAction(Grade grade, NextYearAction action, decimal budget, ThisYearAction thisYear, decimal amount)
    {
        var s = LinkRules.Suggest(Facts(grade), LinkRuleValues.Default)!;
        Assert.Equal((action, budget, 1_000_000m - budget, thisYear, amount), (s.Action, s.SuggestedBudget, s.Reduction, s.ThisYear, s.ThisYearAmount));
        Assert.StartsWith($"2025年度单位自评“校舍维修改造”{Scores.Format(Score(grade))} 分，等级“{grade.Label()}”", s.Explanation);
    }

    [Fact]
    public void AFairResult_ShowsItsArithmetic()
    {
        var s = LinkRules.Suggest(Facts(Grade.Fair, requested: 1_234_567m), LinkRuleValues.Default)!;
        Assert.Equal(1_111_110.30m, s.SuggestedBudget);
        Assert.Contains("调减 10%：123.46 × (1 − 10%) = 111.11 万元", s.Explanation);
    }

    [Fact]
    public void APoorResult_IsCancelledWhenTheRegionSaysSo()
    {
        var s = LinkRules.Suggest(Facts(Grade.Poor), LinkRuleValues.Default with { CancelPoor = true })!;
        Assert.Equal((NextYearAction.Cancel, 0m, 1_000_000m), (s.Action, s.SuggestedBudget, s.Reduction));
        Assert.Contains("取消下年度安排", s.Explanation);
    }

    [Theory]
    // 失真 or an unfinished rectification: next year no more than this year's 100 万 — a 良 asking 120 万 gets 100 万
    [InlineData(true, 0, 1_200_000, NextYearAction.Reduce, 1_000_000, "自评抽查认定失真")]
    [InlineData(false, 2, 1_200_000, NextYearAction.Reduce, 1_000_000, "有 2 项整改未完成")]
    // asking no more than this year: nothing to block
    [InlineData(true, 1, 1_000_000, NextYearAction.Keep, 1_000_000, null)]
    // clean: the increase stands
    [InlineData(false, 0, 1_200_000, NextYearAction.Keep, 1_200_000, null)]
    public void DistortionOrAnUnfinishedRectification_BlocksAnIncrease(bool distorted, int open, decimal requested, NextYearAction action, decimal budget, string? cause)
    {
        var s = LinkRules.Suggest(Facts(Grade.Good, requested: requested, distorted: distorted, open: open), LinkRuleValues.Default)!;
        Assert.Equal((action, budget), (s.Action, s.SuggestedBudget));
        if (cause is null) Assert.DoesNotContain("不得高于", s.Explanation);
        else Assert.Contains($"{cause}，下年度不得高于本年预算 100.00 万元", s.Explanation);
        Assert.Equal(requested, LinkRules.Suggest(Facts(Grade.Good, requested: requested, distorted: distorted, open: open),
            LinkRuleValues.Default with { BlockIncrease = false })!.SuggestedBudget);
    }

    [Theory]
    // 中 with this year's spending below half its budget: the unspent money is recovered; at exactly half it is not
    [InlineData(400_000, ThisYearAction.Recover, 600_000)]
    [InlineData(499_999, ThisYearAction.Recover, 500_001)]
    [InlineData(500_000, ThisYearAction.None, 0)]
    public void IdleMoneyOfAFairProject_IsRecoveredBelowTheRate(decimal executed, ThisYearAction thisYear, decimal amount)
    {
        var s = LinkRules.Suggest(Facts(Grade.Fair, executed: executed), LinkRuleValues.Default)!;
        Assert.Equal((thisYear, amount), (s.ThisYear, s.ThisYearAmount));
        Assert.Equal(ThisYearAction.None, LinkRules.Suggest(Facts(Grade.Good, executed: executed), LinkRuleValues.Default)!.ThisYear);
        Assert.Equal(ThisYearAction.None, LinkRules.Suggest(Facts(Grade.Fair, executed: executed), LinkRuleValues.Default with { RecoverBelowPercent = 0 })!.ThisYear);
    }

    [Fact]
    public void WithoutAResult_ThereIsNoSuggestion() => Assert.Null(LinkRules.Suggest(Facts(null), LinkRuleValues.Default));

    [Theory]
    [InlineData(-1, 30, "“中”调减比例")]
    [InlineData(10, 101, "“差”调减比例")]
    [InlineData(40, 30, "“差”调减比例")]
    public void ASettingOutOfRange_IsRefusedNamingIt(decimal fair, decimal poor, string field)
    {
        var setting = BudgetLinkSetting.Create("140423", 2027);
        Assert.Equal(field, Assert.Throws<DomainException>(() => setting.Set(LinkRuleValues.Default with { FairReducePercent = fair, PoorReducePercent = poor },
            DateTime.UnixEpoch)).Field);
        Assert.Equal(LinkRuleValues.Default, setting.Values);
    }
}

/// <summary>预算挂钩建议: suggested, then accepted or decided otherwise with a reason, once.</summary>
public sealed class BudgetLinkTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);

    private static Domain.Budget.Project Project(int year, long id)
    {
        var department = Domain.Organisation.OrgUnit.Create("140423", "106", "襄垣县教育局", Domain.Organisation.OrgKind.Department, null, null);
        var unit = Domain.Organisation.OrgUnit.Create("140423", "10602", "襄垣县第一中学校", Domain.Organisation.OrgKind.Unit, null, department);
        return Saved.WithId(Domain.Budget.Project.Create("140423", year, unit, department.Id, new Domain.Budget.Project.Details($"{year}1060200424", "校舍维修改造",
            Domain.Budget.ProjectLevel.Level1, Domain.Budget.ProjectCategory.SpecificPurpose, Domain.Budget.Recurrence.Recurring, 2025, 2028, Domain.Budget.LibraryStatus.Admitted,
            Domain.Budget.BudgetKind.General, Domain.Budget.TransferLevel.None, Domain.Budget.FundTags.None, new DateOnly(2025, 1, 10))), id);
    }

    private static BudgetLink Poor()
    {
        var facts = new LinkFacts(new LinkResult(Grade.Poor, 52m, LinkBasis.KeyEvaluation, 2026, "校舍维修改造重点评价"), false, 1, 1_000_000m, 1_000_000m, 600_000m);
        return BudgetLink.Suggest(Project(2027, 2), Project(2026, 1), facts, LinkRules.Suggest(facts, LinkRuleValues.Default)!, Now);
    }

    [Fact]
    public void Accepting_TakesTheSuggestionAsItStands_Once()
    {
        var link = Poor();
        Assert.Equal((NextYearAction.Reduce, 700_000m, ThisYearAction.Suspend, 400_000m), (link.SuggestedAction, link.SuggestedBudget, link.SuggestedThisYear, link.SuggestedThisYearAmount));
        link.Accept("perf", Now);
        Assert.Equal((LinkState.Accepted, NextYearAction.Reduce, 700_000m, 300_000m), (link.State, link.Action, link.Budget, link.Reduction));
        Assert.Throws<ConflictException>(() => link.Accept("perf", Now));
        Assert.False(link.Refresh(new LinkFacts(new LinkResult(Grade.Good, 85m, LinkBasis.SelfEvaluation, 2026, "x"), false, 0, 1m, 1m, 1m),
            new LinkSuggestion(NextYearAction.Keep, 1m, 0m, ThisYearAction.None, 0m, ""), Now));
    }

    [Theory]
    [InlineData(NextYearAction.Reduce, 800_000, ThisYearAction.None, null, "", "理由")]
    [InlineData(NextYearAction.Reduce, 1_000_000, ThisYearAction.None, null, "政策性刚性支出", "建议安排数")]
    [InlineData(NextYearAction.Keep, 900_000, ThisYearAction.None, null, "政策性刚性支出", "建议安排数")]
    [InlineData(NextYearAction.Reduce, 800_000, ThisYearAction.Recover, 500_000.0, "执行偏慢", "本年金额")]
    [InlineData(NextYearAction.Reduce, 800_000, ThisYearAction.Suspend, null, "执行偏慢", "本年金额")]
    public void DecidingOtherwise_NeedsAReasonAndAmountsThatFit(NextYearAction action, double budget, ThisYearAction thisYear, double? amount, string reason, string field)
    {
        var link = Poor();
        var error = Assert.Throws<DomainException>(() => link.Override(action, (decimal)budget, thisYear, (decimal?)amount, reason, "perf", Now));
        Assert.Equal(field, error.Field);
        Assert.Equal(LinkState.Suggested, link.State);
    }

    [Fact]
    public void DecidingOtherwise_RecordsTheDecisionAndItsReason()
    {
        var link = Poor();
        link.Override(NextYearAction.Reduce, 900_000m, ThisYearAction.Recover, 300_000m, "已整改到位，仅收回部分闲置资金", "perf", Now);
        Assert.Equal((LinkState.Overridden, 900_000m, ThisYearAction.Recover, 300_000m, "已整改到位，仅收回部分闲置资金"),
            (link.State, link.Budget, link.DecidedThisYear, link.DecidedThisYearAmount, link.Reason));
        link = Poor();
        link.Override(NextYearAction.Cancel, null, ThisYearAction.None, null, "项目已完成，无需继续安排", "perf", Now);
        Assert.Equal((0m, 1_000_000m), (link.Budget, link.Reduction));
    }

    [Fact]
    public void ALinkJoinsAProjectToItsNextYear()
    {
        var facts = new LinkFacts(new LinkResult(Grade.Good, 85m, LinkBasis.SelfEvaluation, 2025, "x"), false, 0, 1m, 1m, 1m);
        var error = Assert.Throws<DomainException>(() => BudgetLink.Suggest(Project(2028, 3), Project(2026, 1), facts, LinkRules.Suggest(facts, LinkRuleValues.Default)!, Now));
        Assert.Contains("不是", error.Message);
    }
}
