using Jixiao.Domain.Budget;

namespace Jixiao.Domain.ExAnte;

/// <summary>
/// What the screening needs to know of a project in the library of a year.
/// </summary>
/// <param name="IsNew">no project of the same code last year, and it starts this year</param>
/// <param name="Amount">申报金额, or what the ledger already gives it (with a file being imported) when that is more</param>
/// <param name="MajorPolicy">marked 重大政策 in the library</param>
/// <param name="SpecialFund">tagged 专项资金</param>
/// <param name="YearsRun">years it has run before this one (预算年度 − 开始年度)</param>
/// <param name="ExpiredIn">the year last year's project of the same code was to end, when that is before this year (到期后申请延续)</param>
/// <param name="ProjectSpending">特定目标类: 人员类 and 运转类 are basic spending, which ex-ante evaluation does not cover</param>
public sealed record ExAnteFacts(bool IsNew, decimal Amount, bool MajorPolicy, bool SpecialFund, int YearsRun, int? ExpiredIn, bool ProjectSpending = true)
{
    /// <param name="previous">last year's project of the same code, if any</param>
    /// <param name="funded">what the project's ledger gives it (年初批复 + 追加 + 分配), with the rows being imported</param>
    public static ExAnteFacts Of(Project project, Project? previous, decimal funded) => new(
        previous is null && project.StartYear == project.FiscalYear,
        Math.Max(project.RequestedAmount, funded),
        project.MajorPolicy,
        project.Tags.HasFlag(FundTags.SpecialFund),
        project.FiscalYear - project.StartYear,
        previous is not null && previous.EndYear < project.FiscalYear ? previous.EndYear : null,
        project.Category == ProjectCategory.SpecificPurpose);
}

/// <summary>
/// 哪些项目需要事前绩效评估 (DOMAIN.md §4.1): [national] new major policies and projects, and those asking to continue after they
/// expire; [local] new projects from an amount (500万), special funds that have run more than N years (5). Each rule that holds is
/// said in words, so the library can show why a project waits for an evaluation. Only project spending (特定目标类) is screened:
/// 人员类 and 运转类 are basic spending.
/// </summary>
public static class ExAnteScreening
{
    public static IReadOnlyList<string> Triggers(ExAnteFacts facts, ExAnteRules rules)
    {
        var found = new List<string>();
        if (!facts.ProjectSpending) return found;
        if (facts.IsNew && facts.MajorPolicy)
            found.Add("新出台重大政策");
        if (facts.IsNew && facts.Amount >= rules.MinNewAmount)
            found.Add($"新增项目，金额 {Money.Wan(facts.Amount)} ≥ {Money.Wan(rules.MinNewAmount)}");
        if (facts.SpecialFund && facts.YearsRun > rules.SpecialFundYears)
            found.Add($"专项资金已执行 {facts.YearsRun} 年（超过 {rules.SpecialFundYears} 年）");
        if (facts.ExpiredIn is { } year)
            found.Add($"{(facts.MajorPolicy ? "政策" : "项目")}已于 {year} 年到期，申请延续");
        return found;
    }

    /// <summary>A major policy is evaluated on the policy dimensions, everything else on the project ones.</summary>
    public static ExAnteVariant VariantOf(Project project) => project.MajorPolicy ? ExAnteVariant.Policy : ExAnteVariant.Project;
}
