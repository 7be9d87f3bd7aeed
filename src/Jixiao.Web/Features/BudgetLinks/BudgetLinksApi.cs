using Jixiao.Domain.BudgetLinks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Features.BudgetLinks;

public sealed record LinkRulesRequest(decimal FairReducePercent, decimal PoorReducePercent, bool CancelPoor, bool SuspendPoor, decimal RecoverBelowPercent,
    bool BlockIncrease);

public static class BudgetLinksApi
{
    public static RouteGroupBuilder MapBudgetLinksApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/budget-links").WithTags("结果与预算挂钩").RequireAuthorization(Policies.FinanceStaff);
        var keeper = Policies.For(Role.PerformanceDivision);
        group.MapGet("/", async Task<Ok<LinkPage>> ([AsParameters] LinkQuery q, JixiaoDbContext db, BusinessClock calendar, CancellationToken ct) =>
                TypedResults.Ok(await BudgetLinkQueries.ListAsync(db, q, q.Year ?? calendar.Year + 1, ct)))
            .WithName("ListBudgetLinks")
            .WithSummary("下年度预算的挂钩建议：每个延续项目的评价结果、建议（优先保障、维持、调减、取消，本年暂缓拨付、收回闲置资金）及理由、决定；合计申报数、建议安排数、调减、取消、暂缓拨付和收回金额");
        group.MapGet("/{id:long}", async Task<Results<Ok<LinkRow>, NotFound>> (long id, JixiaoDbContext db, CancellationToken ct) =>
                await BudgetLinkQueries.ViewAsync(db, id, ct) is { } row ? TypedResults.Ok(row) : TypedResults.NotFound())
            .WithName("GetBudgetLink")
            .WithSummary("一个挂钩建议：依据的评价结果、失真、未完成整改、本年预算和执行、建议及计算过程、决定");
        group.MapPost("/suggest", async Task<Ok<LinkRun>> (SuggestLinksRequest request, JixiaoDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await BudgetLinkWork.SuggestAsync(db, user, request.Year, clock.GetUtcNow().UtcDateTime, ct)))
            .RequireAuthorization(keeper)
            .WithName("SuggestBudgetLinks")
            .WithSummary("按本年度挂钩规则为下年度申报的延续项目生成（或更新未决定的）挂钩建议");
        group.MapPost("/{id:long}/decide", async Task<Results<Ok<LinkRow>, NotFound>> (long id, DecideLinkRequest request, JixiaoDbContext db, CurrentUser user,
                TimeProvider clock, CancellationToken ct) =>
            {
                if (await BudgetLinkWork.DecideAsync(db, user, id, request, clock.GetUtcNow().UtcDateTime, ct) is null) return TypedResults.NotFound();
                return TypedResults.Ok((await BudgetLinkQueries.ViewAsync(db, id, ct))!);
            })
            .RequireAuthorization(keeper)
            .WithName("DecideBudgetLink")
            .WithSummary("采纳建议，或填写理由另行决定；本年暂缓拨付或收回闲置资金需确认（confirmed: true），记入本年项目的指标账或暂停其支付，按本地区本年度文号编号");
        group.MapGet("/rules", async Task<Ok<LinkRuleValues>> (int? year, JixiaoDbContext db, CurrentUser user, BusinessClock calendar, CancellationToken ct) =>
                TypedResults.Ok(await BudgetLinkWork.RulesAsync(db, user.RegionCode ?? "", year ?? calendar.Year + 1, ct)))
            .WithName("GetBudgetLinkRules")
            .WithSummary("本区划某预算年度的挂钩规则（未设置时为默认：中调减 10%，差调减 30% 并暂缓拨付本年余额，中差且执行率低于 50% 收回闲置资金，失真或整改未完成不得增加）");
        group.MapPut("/rules", async Task<Ok<LinkRuleValues>> (int? year, LinkRulesRequest r, JixiaoDbContext db, CurrentUser user, TimeProvider clock,
                BusinessClock calendar, CancellationToken ct) =>
                TypedResults.Ok(await BudgetLinkWork.SetRulesAsync(db, user, year ?? calendar.Year + 1,
                    new LinkRuleValues(r.FairReducePercent, r.PoorReducePercent, r.CancelPoor, r.SuspendPoor, r.RecoverBelowPercent, r.BlockIncrease),
                    clock.GetUtcNow().UtcDateTime, ct)))
            .RequireAuthorization(keeper)
            .WithName("SetBudgetLinkRules")
            .WithSummary("设置本区划某预算年度的挂钩规则");
        return api;
    }
}
