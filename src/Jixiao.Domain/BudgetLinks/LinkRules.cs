using Jixiao.Domain.Budget;
using Jixiao.Domain.Evaluations;

namespace Jixiao.Domain.BudgetLinks;

/// <summary>Where a project's grade comes from, the deeper evaluation first: a key evaluation over a department evaluation over a spot
/// check's re-review over the unit's own self-evaluation.</summary>
public enum LinkBasis
{
    [Label("财政重点评价")]
    KeyEvaluation = 1,
    [Label("部门评价")]
    DepartmentEvaluation = 2,
    [Label("抽查复评")]
    SpotCheck = 3,
    [Label("单位自评")]
    SelfEvaluation = 4,
}

/// <summary>What the rules suggest for next year's proposal (recorded against next year's project in the library).</summary>
public enum NextYearAction
{
    [Label("优先保障")]
    Prioritise = 1,
    [Label("维持")]
    Keep = 2,
    [Label("调减")]
    Reduce = 3,
    [Label("取消")]
    Cancel = 4,
}

/// <summary>What the rules suggest for this year's project (written into this year's ledger or payments).</summary>
public enum ThisYearAction
{
    [Label("无")]
    None = 0,
    [Label("暂缓拨付")]
    Suspend = 1,
    [Label("收回闲置资金")]
    Recover = 2,
}

/// <summary>The result that grades a project: its grade and score, the evaluation it comes from, the evaluated year and a title to show.</summary>
public sealed record LinkResult(Grade Grade, decimal Score, LinkBasis Basis, int Year, string Title);

/// <summary>
/// What the link rules read for one proposal: the latest result of the project it continues, whether a spot check found its
/// self-evaluation 失真, how many of its rectification items are unfinished, next year's 申报金额 and this year's budget and spending.
/// </summary>
public sealed record LinkFacts(LinkResult? Result, bool Distorted, int OpenRectifications, decimal Requested, decimal CurrentBudget, decimal Executed);

/// <summary>The suggestion with its reasons: next year's action and the budget it leaves, this year's action and its amount.</summary>
public sealed record LinkSuggestion(NextYearAction Action, decimal SuggestedBudget, decimal Reduction, ThisYearAction ThisYear, decimal ThisYearAmount,
    string Explanation);

/// <summary>A region-year's link rules ([local]; DOMAIN.md §4.6 and the seeds' practice by default).</summary>
/// <param name="FairReducePercent">中: next year's proposal is reduced by this share</param>
/// <param name="PoorReducePercent">差: reduced by this share (when not cancelled)</param>
/// <param name="CancelPoor">差: cancelled instead of reduced</param>
/// <param name="SuspendPoor">差: this year's remaining money is held (暂缓拨付) until the problems are rectified</param>
/// <param name="RecoverBelowPercent">中 or 差 with this year's spending below this share of its budget: the unspent money is recovered (0: never)</param>
/// <param name="BlockIncrease">失真 or an unfinished rectification: next year may not exceed this year's budget</param>
public sealed record LinkRuleValues(decimal FairReducePercent, decimal PoorReducePercent, bool CancelPoor, bool SuspendPoor, decimal RecoverBelowPercent,
    bool BlockIncrease)
{
    public static readonly LinkRuleValues Default = new(10m, 30m, false, true, 50m, true);
}

/// <summary>
/// 结果与预算挂钩 (DOMAIN.md §4.6): 优 may be prioritised, 良 kept, 中 reduced by a share, 差 reduced or cancelled (and this year's remaining
/// money held); 失真 or an unfinished rectification blocks an increase over this year's budget; a poor result with idle money has it
/// recovered. Every suggestion says why, with its arithmetic; a proposal without a result has none (it is reviewed as usual).
/// </summary>
public static class LinkRules
{
    public static LinkSuggestion? Suggest(LinkFacts f, LinkRuleValues rules)
    {
        if (f.Result is not { } result) return null;
        var why = new List<string> { $"{result.Year}年度{result.Basis.Label()}“{result.Title}”{Scores.Format(result.Score)} 分，等级“{result.Grade.Label()}”" };
        var requested = f.Requested;
        var (action, budget) = result.Grade switch
        {
            Grade.Excellent => (NextYearAction.Prioritise, requested),
            Grade.Good => (NextYearAction.Keep, requested),
            Grade.Fair => (NextYearAction.Reduce, Cut(requested, rules.FairReducePercent)),
            _ when rules.CancelPoor => (NextYearAction.Cancel, 0m),
            _ => (NextYearAction.Reduce, Cut(requested, rules.PoorReducePercent)),
        };
        why.Add(result.Grade switch
        {
            Grade.Excellent => $"可优先保障，按申报 {Money.FormatWan(requested)} 万元安排",
            Grade.Good => $"维持，按申报 {Money.FormatWan(requested)} 万元安排",
            Grade.Fair => $"调减 {rules.FairReducePercent:0.##}%：{Money.FormatWan(requested)} × (1 − {rules.FairReducePercent:0.##}%) = {Money.FormatWan(budget)} 万元",
            _ when rules.CancelPoor => "等级为“差”，取消下年度安排",
            _ => $"调减 {rules.PoorReducePercent:0.##}%：{Money.FormatWan(requested)} × (1 − {rules.PoorReducePercent:0.##}%) = {Money.FormatWan(budget)} 万元",
        });
        if (rules.BlockIncrease && (f.Distorted || f.OpenRectifications > 0) && budget > f.CurrentBudget && action != NextYearAction.Cancel)
        {
            var cause = f.Distorted ? "自评抽查认定失真" : $"有 {f.OpenRectifications} 项整改未完成";
            why.Add($"{cause}，下年度不得高于本年预算 {Money.FormatWan(f.CurrentBudget)} 万元");
            (action, budget) = (NextYearAction.Reduce, f.CurrentBudget);
        }
        var idle = Math.Max(0m, f.CurrentBudget - f.Executed);
        var (thisYear, amount) = (ThisYearAction.None, 0m);
        if (result.Grade == Grade.Poor && rules.SuspendPoor && idle > 0)
        {
            (thisYear, amount) = (ThisYearAction.Suspend, idle);
            why.Add($"本年尚未支出的 {Money.FormatWan(idle)} 万元暂缓拨付，整改到位后解除");
        }
        else if (result.Grade is Grade.Fair or Grade.Poor && rules.RecoverBelowPercent > 0 && f.CurrentBudget > 0 && idle > 0
                 && f.Executed * 100m < rules.RecoverBelowPercent * f.CurrentBudget)
        {
            (thisYear, amount) = (ThisYearAction.Recover, idle);
            why.Add($"本年执行率 {Percent.Of(f.Executed, f.CurrentBudget)} 低于 {rules.RecoverBelowPercent:0.##}%，收回闲置资金 {Money.FormatWan(idle)} 万元");
        }
        return new LinkSuggestion(action, budget, requested - budget, thisYear, amount, string.Join("；", why) + "。");
    }

    private static decimal Cut(decimal amount, decimal percent) => decimal.Round(amount * (100m - percent) / 100m, 2, MidpointRounding.AwayFromZero);

    /// <summary>A share setting checked (0–100).</summary>
    public static decimal ValidPercent(decimal percent, string field) => percent is >= 0m and <= 100m
        ? percent
        : throw new DomainException($"{field} {percent:0.##}% 无效：应在 0–100% 之间。", field);
}
