using Jixiao.Domain.EvaluationPlans;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Features.EvaluationPlans;

public static class EvaluationPlansApi
{
    public static RouteGroupBuilder MapEvaluationPlansApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/evaluation-plans").WithTags("部门评价和重点评价").RequireAuthorization(Policies.BusinessStaff);
        var keeper = Policies.For(Role.PerformanceDivision);
        group.MapGet("/", async Task<Ok<FormPage<PlanRow>>> (int year, EvaluationKind? kind, PlanState? state, string? q, int? page, int? pageSize,
                JixiaoDbContext db, BusinessClock calendar, CancellationToken ct) =>
                TypedResults.Ok(await PlanQueries.ListAsync(db, year, kind, state, q, page ?? 1, pageSize ?? 50, calendar, ct)))
            .WithName("ListEvaluationPlans")
            .WithSummary("部门评价和财政重点评价列表（某评价年度）：财政看本区划全部，部门和单位看评价本部门、本单位的；可按类型、状态筛选，按编号、名称、评价对象搜索");
        group.MapGet("/{id:long}", async Task<Results<Ok<PlanView>, NotFound>> (long id, JixiaoDbContext db, CurrentUser user, CancellationToken ct) =>
                await PlanQueries.ViewAsync(db, user, id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithName("GetEvaluationPlan")
            .WithSummary("评价详情：评价对象及账面数据、评价主体、选取来源、指标体系及逐项得分、报告各章节、发现的问题、委托或评审组进度、当前可办理的操作");
        group.MapPost("/", async Task<Results<Created<PlanView>, NotFound>> (PlanInput input, JixiaoDbContext db, CurrentUser user, TimeProvider clock,
                CancellationToken ct) =>
            {
                var plan = await PlanWork.CreateAsync(db, user, input, clock.GetUtcNow().UtcDateTime, ct);
                return await PlanQueries.ViewAsync(db, user, plan.Id, ct) is { } view ? TypedResults.Created($"/api/evaluation-plans/{plan.Id}", view) : TypedResults.NotFound();
            })
            .WithName("CreateEvaluationPlan")
            .WithSummary("制定评价计划：部门评价由部门（或绩效股）、重点评价由绩效股制定；选择评价对象、评价主体、选取来源和期限；指标体系复制本年度模板，单个项目的产出、效益指标取自其已批复的绩效目标；委托第三方机构时同时生成委托");
        group.MapPut("/{id:long}/framework", async Task<Results<Ok<PlanView>, NotFound>> (long id, FrameworkInput input, JixiaoDbContext db, CurrentUser user,
                CancellationToken ct) => await Viewed(db, user, await PlanWork.SetFrameworkAsync(db, user, id, input, ct), ct))
            .WithName("SetEvaluationPlanFramework")
            .WithSummary("修改本评价的指标体系（开始评分前）：每行“一级/二级/三级 分值 评分标准”，合计 100 分，产出和效益不低于 60 分");
        group.MapPost("/{id:long}/link", async Task<Results<Ok<PlanView>, NotFound>> (long id, PlanLinkInput input, JixiaoDbContext db, CurrentUser user,
                CancellationToken ct) => await Viewed(db, user, await PlanWork.LinkAsync(db, user, id, input, ct), ct))
            .RequireAuthorization(keeper)
            .WithName("LinkEvaluationPlan")
            .WithSummary("关联评价委托或评价评审组（绩效股）：委托须覆盖本评价对象，评审组的评分表须与本评价的指标体系一致");
        group.MapPost("/{id:long}/scores", async Task<Results<Ok<PlanView>, NotFound>> (long id, IReadOnlyList<ItemScoreInput> input, JixiaoDbContext db,
                CurrentUser user, CancellationToken ct) => await Viewed(db, user, await PlanWork.ScoreAsync(db, user, id, input, ct), ct))
            .WithName("ScoreEvaluationPlan")
            .WithSummary("逐项评分（评价组织方；委托第三方时按机构报告录入）：每项 0 至分值之间、最多一位小数，扣分须写明理由；可分次保存");
        group.MapPost("/{id:long}/panel-scores", async Task<Results<Ok<PlanView>, NotFound>> (long id, JixiaoDbContext db, CurrentUser user, CancellationToken ct) =>
                await Viewed(db, user, await PlanWork.ApplyPanelAsync(db, user, id, ct), ct))
            .WithName("ApplyEvaluationPlanPanelScores")
            .WithSummary("采用评审组得分：评审组出结果后，每项取在组专家评分的平均（一位小数）");
        group.MapPut("/{id:long}/report", async Task<Results<Ok<PlanView>, NotFound>> (long id, PlanReportInput input, JixiaoDbContext db, CurrentUser user,
                CancellationToken ct) => await Viewed(db, user, await PlanWork.WriteReportAsync(db, user, id, input, ct), ct))
            .WithName("WriteEvaluationPlanReport")
            .WithSummary("编写评价报告：按章节保存；draft 为 true 时按评分、账面数据和问题生成尚未填写的章节（replace 为 true 时全部重新生成）");
        group.MapPut("/{id:long}/findings", async Task<Results<Ok<PlanView>, NotFound>> (long id, PlanFindingsInput input, JixiaoDbContext db, CurrentUser user,
                CancellationToken ct) => await Viewed(db, user, await PlanWork.SetFindingsAsync(db, user, id, input, ct), ct))
            .WithName("SetEvaluationPlanFindings")
            .WithSummary("记录评价发现的问题（整表替换）：问题、原因、整改建议、涉及金额和所涉项目，供整改使用");
        group.MapPost("/{id:long}/conclude", async Task<Results<Ok<PlanView>, NotFound>> (long id, JixiaoDbContext db, CurrentUser user, TimeProvider clock,
                CancellationToken ct) => await Viewed(db, user, await PlanWork.ConcludeAsync(db, user, id, clock.GetUtcNow().UtcDateTime, ct), ct))
            .WithName("ConcludeEvaluationPlan")
            .WithSummary("完成评价：全部指标已评分、报告必备章节已填写、委托第三方的报告终稿已三方确认；得出总分和等级（优良中差）");
        group.MapPost("/{id:long}/cancel", async Task<Results<Ok<PlanView>, NotFound>> (long id, PlanCancelInput input, JixiaoDbContext db, CurrentUser user,
                CancellationToken ct) => await Viewed(db, user, await PlanWork.CancelAsync(db, user, id, input, ct), ct))
            .WithName("CancelEvaluationPlan")
            .WithSummary("取消评价（写明理由）：已取消的评价不计入覆盖和统计");
        group.MapGet("/{id:long}/report.docx", async Task<Results<FileContentHttpResult, NotFound>> (long id, JixiaoDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                if (await PlanDocuments.ReportAsync(db, user, id, ct) is not { } print) return TypedResults.NotFound();
                var (name, content) = PlanDocuments.ReportDocx(print);
                return TypedResults.File(content, FileTypes.Docx, name);
            })
            .ProducesFile(FileTypes.Docx)
            .WithName("DownloadEvaluationPlanReport")
            .WithSummary("下载绩效评价报告（docx）：按国家报告提纲的七个部分，含评分表和问题表；报告尚未编写为 409");
        group.MapGet("/coverage", async Task<Ok<CoverageReport>> (int year, JixiaoDbContext db, CurrentUser user, CancellationToken ct) =>
                TypedResults.Ok(await PlanStatisticsQuery.CoverageAsync(db, user, year, ct)))
            .WithName("GetEvaluationCoverage")
            .WithSummary("部门评价覆盖（某评价年度）：每个部门纳入目标管理的项目金额、部门评价覆盖的金额（计划和已完成）、覆盖比例、与要求比例（默认 30%）的差额；未达到的排在前面");
        group.MapGet("/statistics", async Task<Ok<PlanStatistics>> (int year, JixiaoDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await PlanStatisticsQuery.ForYearAsync(db, year, ct)))
            .RequireAuthorization(Policies.FinanceStaff)
            .WithName("GetEvaluationPlanStatistics")
            .WithSummary("评价统计（某评价年度）：按评价类型、评价对象、预算类别（四本预算）、评价主体和第三方机构的评价数、完成数、金额、等级分布和发现问题");
        group.MapGet("/statistics.xlsx", async (int year, JixiaoDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var (name, content) = await PlanStatisticsQuery.ExportAsync(db, user, year, ct);
                return TypedResults.File(content, FileTypes.Xlsx, name);
            })
            .RequireAuthorization(Policies.FinanceStaff)
            .ProducesFile(FileTypes.Xlsx)
            .WithName("ExportEvaluationPlanStatistics")
            .WithSummary("导出评价统计和部门评价覆盖表（xlsx）");
        group.MapGet("/settings/{year:int}", async Task<Ok<PlanSettings>> (int year, JixiaoDbContext db, CurrentUser user, CancellationToken ct) =>
                TypedResults.Ok(await PlanWork.SettingsAsync(db, user, year, ct)))
            .WithName("GetEvaluationPlanSettings")
            .WithSummary("评价设置（某评价年度；未设置时为默认值：部门评价覆盖 30%，项目支出、部门整体和政策的全国参考指标体系）");
        group.MapPut("/settings/{year:int}", async Task<Ok<PlanSettings>> (int year, PlanSettingsInput input, JixiaoDbContext db, CurrentUser user,
                TimeProvider clock, CancellationToken ct) => TypedResults.Ok(await PlanWork.SetSettingsAsync(db, user, year, input, clock.GetUtcNow().UtcDateTime, ct)))
            .RequireAuthorization(keeper)
            .WithName("SetEvaluationPlanSettings")
            .WithSummary("保存评价设置（绩效股）：覆盖比例和三类指标体系模板（留空为全国模板）");
        return api;
    }

    private static async Task<Results<Ok<PlanView>, NotFound>> Viewed(JixiaoDbContext db, CurrentUser user, EvaluationPlan? plan, CancellationToken ct) =>
        plan is not null && await PlanQueries.ViewAsync(db, user, plan.Id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
}
