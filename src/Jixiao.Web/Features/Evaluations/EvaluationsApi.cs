using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Reviews;
using Jixiao.Web.Features.Monitoring;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Evaluations;

/// <summary>The year a request is about (issue, refigure).</summary>
public sealed record IssueRequest(int Year);

/// <summary>
/// What a filler types into a self-evaluation in the product (the page or the API). There is no 总分 to type: it is the sum of
/// the 预算执行率 得分 and every row's 得分, computed on save. A and B are the ledger's. Only an imported sheet carries a printed 总分.
/// </summary>
public sealed record EvaluationFill(string? GoalCompletion, decimal? ExecutionWeight, decimal? ExecutionScore,
    IReadOnlyList<EvaluationRowInput> Rows, string? ExecutionWeightReason = null)
{
    public SelfEvaluationInput ToInput() => new(GoalCompletion, ExecutionWeight, ExecutionScore, Rows, Total: null,
        ExecutionWeightReason: ExecutionWeightReason);
}

public static class EvaluationsApi
{
    public static RouteGroupBuilder MapEvaluationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/evaluations").WithTags("单位自评").RequireAuthorization(Policies.BusinessStaff);
        var performance = Policies.For(Role.PerformanceDivision);

        group.MapGet("/weights", async Task<Ok<EvaluationWeights>> (int? year, JixiaoDbContext db, CurrentUser user, BusinessClock calendar, CancellationToken ct) =>
                TypedResults.Ok(await EvaluationWork.WeightsAsync(db, user.RegionCode ?? "", year ?? calendar.Year - 1, ct)))
            .WithName("GetEvaluationWeights")
            .WithSummary("本地区某年度的自评分值与阈值（未设置时为全国默认：执行率 10、产出 50、效益 30、满意度 10；超额 130%；与参考分差距 10 分；失真 15 分；复核 0.4/0.6）");

        group.MapPut("/weights", async Task<Ok<WeightsSaved>> (int? year, EvaluationWeights weights, JixiaoDbContext db, CurrentUser user,
                TimeProvider clock, BusinessClock calendar, CancellationToken ct) =>
                TypedResults.Ok(await EvaluationWork.SetWeightsAsync(db, user, year ?? calendar.Year - 1, weights, clock.GetUtcNow().UtcDateTime, ct)))
            .RequireAuthorization(performance)
            .WithName("SetEvaluationWeights")
            .WithSummary("设置本地区某年度的自评分值与阈值；不合理时拒绝并说明。保存后该年度未终审的自评表随即按新设置重新计算参考分和检查结果");

        group.MapPost("/refigure", async Task<Ok<EvaluationsRefigured>> (IssueRequest request, JixiaoDbContext db, CurrentUser user, TimeProvider clock,
                CancellationToken ct) =>
                TypedResults.Ok(await EvaluationWork.RefigureAsync(db, user, request.Year, clock.GetUtcNow().UtcDateTime, ct)))
            .RequireAuthorization(performance)
            .WithName("RefigureEvaluations")
            .WithSummary("重新计算（如补录以前日期的调整或支付后）：该年度未终审的自评表按账面全年预算数、执行数和本年度设置重算参考分和检查结果；已终审的保持审定内容");

        group.MapPost("/issue", async Task<Ok<EvaluationsIssued>> (IssueRequest request, JixiaoDbContext db, CurrentUser user, TimeProvider clock,
                CancellationToken ct) =>
                TypedResults.Ok(await EvaluationWork.IssueAsync(db, user, request.Year, clock.GetUtcNow().UtcDateTime, ct)))
            .RequireAuthorization(performance)
            .WithName("IssueEvaluations")
            .WithSummary("下达自评任务（年度结束后）：年内有预算（含年中追加、待分资金分配）且目标已批复的每个项目、每个有已批复整体目标的部门各一张自评表，预填年初预算数、全年预算数、全年执行数和指标；重复下达只补新增的；并报告有预算但目标未批复、无法自评的项目数和金额");

        group.MapGet("/", ListEvaluations)
            .WithName(nameof(ListEvaluations))
            .WithSummary("某年度的自评表（权限范围内）：状态、单位自评总分、参考分和等级；q 搜索项目代码、名称或单位，department、division（资金所在业务股室）、state、grade（参考等级）筛选，sort（Code、Budget、Unit、Updated）与 desc 排序，page、pageSize 分页；mine=true 只列待我办理的");

        foreach (var (verb, action, name) in new[] { ("approve", FormAction.Approve, "BatchApproveEvaluations"), ("return", FormAction.Return, "BatchReturnEvaluations") })
            group.MapPost($"/batch/{verb}", async Task<Ok<BatchResult>> (BatchRequest request, JixiaoDbContext db, CurrentUser user, TimeProvider clock,
                    CancellationToken ct) =>
                    TypedResults.Ok(await EvaluationWork.BatchAsync(db, user, action, request, clock.GetUtcNow().UtcDateTime, ct)))
                .WithName(name)
                .WithSummary($"批量{action.Label()}自评表：ids 为所选自评表，一个意见；每份分别检查并留痕，结果列出未能办理的及原因");

        group.MapGet("/{id:long}", async Task<Results<Ok<EvaluationView>, NotFound>> (long id, JixiaoDbContext db, CurrentUser user, CancellationToken ct) =>
                await EvaluationQueries.ViewAsync(db, user, id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithName("GetEvaluation")
            .WithSummary("一张自评表：账面 A、B 与单位填写，每行的参考得分及说明，一致性检查结果（阻止提交的错误和随表提示），审核记录");

        group.MapPut("/{id:long}", async Task<Results<Ok<EvaluationView>, NotFound>> (long id, EvaluationFill input, JixiaoDbContext db, CurrentUser user,
                TimeProvider clock, IOptions<FormLimits> limits, CancellationToken ct) =>
                await ViewAsync(db, user, id, await EvaluationWork.FillAsync(db, user, id, input.ToInput(), limits.Value, clock.GetUtcNow().UtcDateTime, ct), ct))
            .WithName("FillEvaluation")
            .WithSummary("保存自评表（单位填报人；部门整体由主管部门）：实际完成值、分值、得分、偏差原因分析及改进措施、年度总体目标完成情况；总分按预算执行率得分与各指标得分之和自动计算；保存即重算参考分和检查结果");

        group.MapGet("/statistics", async Task<Ok<EvaluationStatistics>> (int? year, JixiaoDbContext db, BusinessClock calendar, CancellationToken ct) =>
                TypedResults.Ok(await EvaluationStatisticsQuery.ForYearAsync(db, year ?? calendar.Year - 1, ct)))
            .RequireAuthorization(Policies.FinanceStaff)
            .WithName("GetEvaluationStatistics")
            .WithSummary("自评统计：覆盖（个数和金额，年内有预算的项目含年中追加、待分资金分配）、参考等级分布、检查结果按类别、按主管部门");

        group.MapGet("/spot-checks", async Task<Ok<IReadOnlyList<DrawView>>> (int? year, JixiaoDbContext db, BusinessClock calendar, CancellationToken ct) =>
                TypedResults.Ok(await SpotChecks.DrawsAsync(db, year ?? calendar.Year - 1, ct)))
            .RequireAuthorization(performance)
            .WithName("ListSpotChecks")
            .WithSummary("抽查记录：每次抽查的规则、种子、算法、可抽范围和样本，以及每份样本的复核得分与是否失真");

        group.MapPost("/spot-checks", DrawSpotCheck)
            .RequireAuthorization(performance)
            .WithName(nameof(DrawSpotCheck))
            .WithSummary("抽查：从已提交的项目自评表中按金额范围（minWan、maxWan，万元）、比例（ratioPercent）、数量（count）和必抽清单（项目编码）抽取样本；种子（seed）随抽查记录保存，同一种子、规则和范围得到同一样本");

        group.MapPut("/spot-checks/{drawId:long}/items/{evaluationId:long}", ReReviewSpotCheckItem)
            .RequireAuthorization(performance)
            .WithName(nameof(ReReviewSpotCheckItem))
            .WithSummary("复核一份样本：复核得分 = 0.4 × 自评质量分 + 0.6 × 复核指标分（权重按本地区年度设置），与自评总分相差超过失真阈值时标记失真");

        foreach (var (verb, action, name, summary) in new[]
                 {
                     ("submit", FormAction.Submit, "SubmitEvaluation", "提交：有阻止性检查结果时拒绝并逐条列出，提示随表上报"),
                     ("approve", FormAction.Approve, "ApproveEvaluation", "审核通过（主管部门，资金所在业务股室（本年度设置需要时），然后财政绩效股）"),
                     ("return", FormAction.Return, "ReturnEvaluation", "退回修改：必须写明理由，填报人可见"),
                 })
        {
            group.MapPost($"/{{id:long}}/{verb}", async Task<Results<Ok<EvaluationView>, NotFound>> (long id, OpinionRequest request, JixiaoDbContext db,
                    CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                    await ViewAsync(db, user, id, await EvaluationWork.ActAsync(db, user, id, action, request.Opinion, clock.GetUtcNow().UtcDateTime, ct), ct))
                .WithName(name)
                .WithSummary(summary);
        }
        return api;
    }

    private static async Task<Ok<FormPage<EvaluationRow>>> ListEvaluations(int? year, bool? mine, int? page, [AsParameters] FormQuery q, JixiaoDbContext db,
        CurrentUser user, BusinessClock calendar, CancellationToken ct)
    {
        if (page is { } p) q.PageNumber = p;
        return TypedResults.Ok(await EvaluationQueries.ListAsync(db, user, year ?? calendar.Year - 1, q, mine ?? false, ct));
    }

    private static async Task<Created<DrawView>> DrawSpotCheck(DrawRequest request, JixiaoDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var draw = await SpotChecks.DrawAsync(db, user, request, clock.GetUtcNow().UtcDateTime, ct);
        return TypedResults.Created($"/api/evaluations/spot-checks?year={request.Year}",
            (await SpotChecks.DrawsAsync(db, request.Year, ct)).Single(d => d.Id == draw.Id));
    }

    private static async Task<Results<Ok<DrawView>, NotFound>> ReReviewSpotCheckItem(long drawId, long evaluationId, ReReviewRequest request,
        JixiaoDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var item = await SpotChecks.ReReviewAsync(db, user, drawId, evaluationId, request, clock.GetUtcNow().UtcDateTime, ct);
        if (item is null) return TypedResults.NotFound();
        var year = await db.SpotChecks.Where(d => d.Id == drawId).Select(d => d.FiscalYear).SingleAsync(ct);
        return TypedResults.Ok((await SpotChecks.DrawsAsync(db, year, ct)).Single(d => d.Id == drawId));
    }

    /// <summary>The self-evaluation after a change (<paramref name="changed"/> null: the form is outside the scope).</summary>
    private static async Task<Results<Ok<EvaluationView>, NotFound>> ViewAsync(JixiaoDbContext db, CurrentUser user, long id, SelfEvaluation? changed,
        CancellationToken ct) =>
        changed is null ? TypedResults.NotFound() : TypedResults.Ok((await EvaluationQueries.ViewAsync(db, user, id, ct))!);
}
