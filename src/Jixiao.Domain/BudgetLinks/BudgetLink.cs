using Jixiao.Domain.Budget;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.BudgetLinks;

/// <summary>Where a suggestion stands: waiting for the budget division, accepted as suggested, or decided otherwise with a reason.</summary>
public enum LinkState
{
    [Label("待决定")]
    Suggested = 1,
    [Label("已采纳")]
    Accepted = 2,
    [Label("已调整")]
    Overridden = 3,
}

/// <summary>
/// 预算挂钩建议: next year's proposal of a continuing project with the result of this year's project it continues, the suggestion the
/// link rules make (<see cref="LinkRules"/>) and the budget division's decision. The decision is recorded against next year's project
/// (its 建议安排数); a this-year 暂缓拨付 or 收回 becomes a corrective action on this year's project (a payment hold or a ledger movement).
/// </summary>
public sealed class BudgetLink : IOrgOwned
{
    private BudgetLink() { }

    public const int ReasonLimit = 500;

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    /// <summary>The budget year being prepared (next year's).</summary>
    public int FiscalYear { get; private set; }
    /// <summary>Next year's project (the proposal).</summary>
    public long ProposalProjectId { get; private set; }
    /// <summary>This year's project it continues.</summary>
    public long BasisProjectId { get; private set; }
    public long OrgUnitId { get; private set; }
    public long? DepartmentId { get; private set; }

    public Grade Grade { get; private set; }
    public decimal Score { get; private set; }
    public LinkBasis Basis { get; private set; }
    public int BasisYear { get; private set; }
    public string BasisTitle { get; private set; } = "";
    public bool Distorted { get; private set; }
    public int OpenRectifications { get; private set; }
    public decimal Requested { get; private set; }
    public decimal CurrentBudget { get; private set; }
    public decimal Executed { get; private set; }

    public NextYearAction SuggestedAction { get; private set; }
    public decimal SuggestedBudget { get; private set; }
    public ThisYearAction SuggestedThisYear { get; private set; }
    public decimal SuggestedThisYearAmount { get; private set; }
    public string Explanation { get; private set; } = "";
    public DateTime SuggestedAtUtc { get; private set; }

    public LinkState State { get; private set; }
    public NextYearAction? DecidedAction { get; private set; }
    public decimal? DecidedBudget { get; private set; }
    public ThisYearAction? DecidedThisYear { get; private set; }
    public decimal? DecidedThisYearAmount { get; private set; }
    public string Reason { get; private set; } = "";
    public string DecidedBy { get; private set; } = "";
    public DateTime? DecidedAtUtc { get; private set; }
    /// <summary>The corrective action (暂缓拨付, 收回) the decision recorded on this year's project.</summary>
    public long? CorrectiveActionId { get; private set; }
    public int Version { get; private set; }

    /// <summary>What next year's project gets: the decided budget once decided, else the suggested one.</summary>
    public decimal Budget => DecidedBudget ?? SuggestedBudget;
    public NextYearAction Action => DecidedAction ?? SuggestedAction;
    /// <summary>调减 or 取消: how much less than asked.</summary>
    public decimal Reduction => Requested - Budget;

    public static BudgetLink Suggest(Project proposal, Project basis, LinkFacts facts, LinkSuggestion suggestion, DateTime nowUtc)
    {
        if (proposal.RegionCode != basis.RegionCode || proposal.FiscalYear != basis.FiscalYear + 1)
            throw new DomainException($"项目“{proposal.Name}”（{proposal.FiscalYear}）不是“{basis.Name}”（{basis.FiscalYear}）的下年度延续项目。", "项目");
        var link = new BudgetLink
        {
            RegionCode = proposal.RegionCode, FiscalYear = proposal.FiscalYear, ProposalProjectId = proposal.Id, BasisProjectId = basis.Id,
            OrgUnitId = proposal.OrgUnitId, DepartmentId = proposal.DepartmentId, State = LinkState.Suggested,
        };
        link.Refresh(facts, suggestion, nowUtc);
        return link;
    }

    /// <summary>New facts (a later result, a rectification finished) while the suggestion waits; a decided one stays as decided.</summary>
    public bool Refresh(LinkFacts facts, LinkSuggestion suggestion, DateTime nowUtc)
    {
        if (State != LinkState.Suggested) return false;
        var result = facts.Result ?? throw new ArgumentException("A suggestion needs a result.", nameof(facts));
        (Grade, Score, Basis, BasisYear, BasisTitle) = (result.Grade, result.Score, result.Basis, result.Year, result.Title.Length > 200 ? result.Title[..199] + "…" : result.Title);
        (Distorted, OpenRectifications, Requested, CurrentBudget, Executed) = (facts.Distorted, facts.OpenRectifications, facts.Requested, facts.CurrentBudget, facts.Executed);
        (SuggestedAction, SuggestedBudget, SuggestedThisYear, SuggestedThisYearAmount, Explanation, SuggestedAtUtc) =
            (suggestion.Action, suggestion.SuggestedBudget, suggestion.ThisYear, suggestion.ThisYearAmount, suggestion.Explanation, nowUtc);
        return true;
    }

    /// <summary>采纳: the suggestion as it stands.</summary>
    public void Accept(string by, DateTime nowUtc) =>
        Decide(LinkState.Accepted, SuggestedAction, SuggestedBudget, SuggestedThisYear, SuggestedThisYearAmount, "", by, nowUtc);

    /// <summary>调整: the budget division decides otherwise, with its reason (e.g. 政策性刚性支出, 已整改到位).</summary>
    public void Override(NextYearAction action, decimal? budget, ThisYearAction thisYear, decimal? thisYearAmount, string? reason, string by, DateTime nowUtc)
    {
        var why = (reason ?? "").Trim();
        if (why.Length == 0) throw new DomainException("不采纳建议时请填写理由（如政策性刚性支出、问题已整改到位）。", "理由");
        if (why.Length > ReasonLimit) throw new DomainException($"理由不超过 {ReasonLimit} 字（现 {why.Length} 字）。", "理由");
        var decided = action == NextYearAction.Cancel ? 0m : budget ?? throw new DomainException("请填写下年度建议安排数（万元）。", "建议安排数");
        if (decided < 0) throw new DomainException($"建议安排数 {Money.FormatWan(decided)} 万元不能为负数。", "建议安排数");
        if (action == NextYearAction.Reduce && decided >= Requested)
            throw new DomainException($"调减后的安排数 {Money.FormatWan(decided)} 万元应低于申报数 {Money.FormatWan(Requested)} 万元。", "建议安排数");
        if (action is NextYearAction.Keep or NextYearAction.Prioritise && decided != Requested)
            throw new DomainException($"“{action.Label()}”按申报数 {Money.FormatWan(Requested)} 万元安排；要改变金额请选择“调减”。", "建议安排数");
        var idle = Math.Max(0m, CurrentBudget - Executed);
        var amount = thisYear == ThisYearAction.None ? 0m : thisYearAmount ?? throw new DomainException($"请填写{thisYear.Label()}的金额（万元）。", "本年金额");
        if (thisYear != ThisYearAction.None && (amount <= 0 || amount > idle))
            throw new DomainException($"{thisYear.Label()}金额 {Money.FormatWan(amount)} 万元应大于 0 且不超过本年未支出的 {Money.FormatWan(idle)} 万元。", "本年金额");
        Money.EnsureValid(decided, "建议安排数");
        Money.EnsureValid(amount, "本年金额");
        Decide(LinkState.Overridden, action, decided, thisYear, amount, why, by, nowUtc);
    }

    private void Decide(LinkState state, NextYearAction action, decimal budget, ThisYearAction thisYear, decimal amount, string reason, string by, DateTime nowUtc)
    {
        if (State != LinkState.Suggested)
            throw new ConflictException($"该项目的挂钩建议已{State.Label()}（{DecidedBy}），不能再决定。");
        (State, DecidedAction, DecidedBudget, DecidedThisYear, DecidedThisYearAmount, Reason, DecidedBy, DecidedAtUtc) =
            (state, action, budget, thisYear, amount, reason, by, nowUtc);
        Version++;
    }

    /// <summary>The corrective action the decision recorded on this year's project.</summary>
    public void Recorded(long correctiveActionId) => CorrectiveActionId = correctiveActionId;
}

/// <summary>The link rules of a region and budget year ([local], set by the performance division; <see cref="LinkRuleValues.Default"/> without a row).</summary>
public sealed class BudgetLinkSetting : IRegionOwned
{
    private BudgetLinkSetting() { }

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public decimal FairReducePercent { get; private set; }
    public decimal PoorReducePercent { get; private set; }
    public bool CancelPoor { get; private set; }
    public bool SuspendPoor { get; private set; }
    public decimal RecoverBelowPercent { get; private set; }
    public bool BlockIncrease { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    public LinkRuleValues Values => new(FairReducePercent, PoorReducePercent, CancelPoor, SuspendPoor, RecoverBelowPercent, BlockIncrease);

    public static BudgetLinkSetting Create(string regionCode, int fiscalYear)
    {
        var setting = new BudgetLinkSetting { RegionCode = regionCode, FiscalYear = fiscalYear };
        setting.Set(LinkRuleValues.Default, DateTime.MinValue);
        return setting;
    }

    public void Set(LinkRuleValues values, DateTime nowUtc)
    {
        var fair = LinkRules.ValidPercent(values.FairReducePercent, "“中”调减比例");
        var poor = LinkRules.ValidPercent(values.PoorReducePercent, "“差”调减比例");
        var recover = LinkRules.ValidPercent(values.RecoverBelowPercent, "收回闲置资金的执行率");
        if (poor < fair) throw new DomainException($"“差”的调减比例 {poor:0.##}% 不应低于“中”的 {fair:0.##}%。", "“差”调减比例");
        (FairReducePercent, PoorReducePercent, RecoverBelowPercent) = (fair, poor, recover);
        (CancelPoor, SuspendPoor, BlockIncrease, UpdatedAtUtc) = (values.CancelPoor, values.SuspendPoor, values.BlockIncrease, nowUtc);
    }
}
