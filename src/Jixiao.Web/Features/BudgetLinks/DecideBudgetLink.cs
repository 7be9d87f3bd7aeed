using Jixiao.Domain.Budget;
using Jixiao.Domain.BudgetLinks;
using Jixiao.Domain.Monitoring;
using Jixiao.Web.Features.Monitoring;
using Jixiao.Web.Features.Workflow;

namespace Jixiao.Web.Features.BudgetLinks;

/// <param name="Accept">采纳建议 (the rest is then ignored but the 文号 and the confirmation)</param>
/// <param name="Action">调整: next year's action</param>
/// <param name="Budget">调整: next year's 建议安排数 (元)</param>
/// <param name="ThisYear">调整: this year's action</param>
/// <param name="ThisYearAmount">调整: its amount (元)</param>
/// <param name="Reason">调整: why not as suggested</param>
/// <param name="DocumentNo">the 文号 of this year's 暂缓拨付 or 收回 (empty: the region-year's next number)</param>
/// <param name="Confirmed">a this-year action writes into this year's ledger or holds its payments: confirm it</param>
public sealed record DecideLinkRequest(bool Accept, NextYearAction? Action = null, decimal? Budget = null, ThisYearAction? ThisYear = null,
    decimal? ThisYearAmount = null, string? Reason = null, string? DocumentNo = null, bool Confirmed = false);

public static partial class BudgetLinkWork
{
    /// <summary>
    /// 预算股 decides a suggestion: accepts it or decides otherwise with a reason. Next year's decision is recorded on the link (next
    /// year's project shows it); this year's 暂缓拨付 or 收回闲置资金 becomes a corrective action on this year's project in the same
    /// transaction — a payment hold, or a 收回 movement in the ledger — numbered with the region-year's 文号.
    /// </summary>
    public static async Task<BudgetLink?> DecideAsync(JixiaoDbContext db, CurrentUser user, long id, DecideLinkRequest request, DateTime nowUtc,
        CancellationToken ct)
    {
        RegionOf(user, "决定挂钩建议");
        var link = await db.BudgetLinks.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (link is null) return null;
        if (request.Accept) link.Accept(user.UserName, nowUtc);
        else
            link.Override(request.Action ?? throw new DomainException("请选择下年度的处理：优先保障、维持、调减或取消。", "下年度处理"), request.Budget,
                request.ThisYear ?? ThisYearAction.None, request.ThisYearAmount, request.Reason, user.UserName, nowUtc);
        await using var transaction = await db.OwnTransactionAsync(ct);
        if (link.DecidedThisYear is { } thisYear and not ThisYearAction.None)
        {
            var basis = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == link.BasisProjectId, ct);
            var amount = link.DecidedThisYearAmount!.Value;
            if (!request.Confirmed)
                throw new DomainException($"请确认：将对 {basis.FiscalYear} 年度项目“{basis.Code} {basis.Name}”{thisYear.Label()} {Money.Wan(amount)}"
                                          + $"{(thisYear == ThisYearAction.Recover ? "（记入指标账：收回）" : "（暂停该项目的支付，整改到位后由绩效股解除）")}。确认无误后再提交（confirmed: true）。", "确认");
            var document = string.IsNullOrWhiteSpace(request.DocumentNo)
                ? await WorkflowWork.NextDocumentNoAsync(db, basis.RegionCode, basis.FiscalYear, ct)
                : request.DocumentNo;
            var today = BusinessCalendar.DateOf(nowUtc);
            var action = CorrectiveAction.Record(basis, thisYear == ThisYearAction.Suspend ? CorrectiveKind.Suspension : CorrectiveKind.Recovery, amount, today,
                document, $"{link.BasisYear}年度{link.Basis.Label()}等级“{link.Grade.Label()}”（{link.BasisTitle}）",
                await ReturnWork.BalanceAsync(db, basis.Id, today, ct), today, user.UserName, nowUtc);
            await ReturnWork.ApplyAsync(db, action, basis, null, user.UserName, today, () => Saves.SaveAsync(db, ct), ct);
            await Saves.SaveAsync(db, ct); // the action's id is the link's
            link.Recorded(action.Id);
        }
        await Saves.SaveAsync(db, ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return link;
    }

    /// <summary>The region-year's link rules as set (performance division).</summary>
    public static async Task<LinkRuleValues> SetRulesAsync(JixiaoDbContext db, CurrentUser user, int year, LinkRuleValues values, DateTime nowUtc, CancellationToken ct)
    {
        var region = RegionOf(user, "设置挂钩规则");
        Domain.Organisation.FiscalYears.EnsureValid(year);
        var setting = await db.BudgetLinkSettings.SingleOrDefaultAsync(s => s.RegionCode == region && s.FiscalYear == year, ct);
        if (setting is null) db.BudgetLinkSettings.Add(setting = BudgetLinkSetting.Create(region, year));
        setting.Set(values, nowUtc);
        await Saves.SaveAsync(db, ct);
        return setting.Values;
    }
}
