using Jixiao.Domain.Engagements;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Features.Engagements;

/// <summary>A reason or note sent with an action (异议理由, 更换理由, 确认意见).</summary>
public sealed record EngagementNote(string? Note);

/// <summary>The points of every item of the report-quality checklist.</summary>
public sealed record ReportScoreInput(IReadOnlyList<ReportItemScore> Items);

/// <summary>The seed of a draw: announced on the spot, or empty for one the system makes (date and four random digits).</summary>
public sealed record AgencyDrawRequest(string? Seed);

public static class EngagementsApi
{
    public static RouteGroupBuilder MapEngagementsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/engagements").WithTags("第三方委托").RequireAuthorization(Policies.EngagementParties);
        var keeper = Policies.For(Role.PerformanceDivision);
        group.MapGet("/", async Task<Ok<FormPage<EngagementRow>>> (int? year, EngagementScope? scope, EngagementState? state, string? q, int? page, int? pageSize,
                JixiaoDbContext db, BusinessClock calendar, CancellationToken ct) =>
                TypedResults.Ok(await EngagementQueries.ListAsync(db, year, scope, state, q, page ?? 1, pageSize ?? 50, calendar.Today, ct)))
            .WithName("ListEngagements")
            .WithSummary("委托列表：财政看本区划全部；被评价单位看评价本单位的委托；第三方机构只看委托给本机构的");
        group.MapGet("/todo", async Task<Ok<IReadOnlyList<StageToDo>>> (JixiaoDbContext db, CurrentUser user, BusinessClock calendar, CancellationToken ct) =>
                TypedResults.Ok(await EngagementQueries.ToDoAsync(db, user, calendar.Today, ct)))
            .WithName("ListEngagementToDos")
            .WithSummary("我的委托待办：机构待提交（含被提出异议的）、单位和财政待确认的阶段成果，逾期的在前；财政另见全部逾期阶段");
        group.MapGet("/{id:long}", async Task<Results<Ok<EngagementView>, NotFound>> (long id, JixiaoDbContext db, CurrentUser user, BusinessClock calendar,
                CancellationToken ct) =>
                await EngagementQueries.ViewAsync(db, user, id, calendar.Today, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithName("GetEngagement")
            .WithSummary("委托详情：评价对象、阶段成果及三方确认记录；抽签记录只对财政显示");
        group.MapPost("/", async Task<Created<EngagementView>> (EngagementInput input, JixiaoDbContext db, CurrentUser user, BusinessClock calendar,
                TimeProvider clock, CancellationToken ct) =>
            {
                var engagement = await EngagementWork.PlanAsync(db, user, input, clock.GetUtcNow().UtcDateTime, ct);
                return TypedResults.Created($"/api/engagements/{engagement.Id}", EngagementQueries.View(engagement, user, calendar.Today));
            })
            .RequireAuthorization(keeper)
            .WithName("PlanEngagement")
            .WithSummary("新建委托（绩效股）：委托范围、评价对象（项目、部门整体或政策）、合同号、费用（元）、采购方式、期限和成果阶段；编号留空则自动编号");
        group.MapGet("/{id:long}/eligibility", async Task<Results<Ok<IReadOnlyList<EligibilityRow>>, NotFound>> (long id, JixiaoDbContext db,
                BusinessClock calendar, CancellationToken ct) =>
                await EngagementWork.EligibilityAsync(db, id, calendar.Today, ct) is { } rows ? TypedResults.Ok(rows) : TypedResults.NotFound())
            .RequireAuthorization(keeper)
            .WithName("GetEngagementEligibility")
            .WithSummary("抽签前查看：本区划每家机构今天能否被抽取，不能的写明原因（不在库、无资质、利益冲突、在办委托已达上限、上年评级过低）");
        group.MapPost("/{id:long}/draw", async Task<Results<Ok<EngagementView>, NotFound>> (long id, AgencyDrawRequest request, JixiaoDbContext db, CurrentUser user,
                BusinessClock calendar, TimeProvider clock, CancellationToken ct) =>
                await EngagementWork.DrawAsync(db, user, id, request.Seed, calendar.Today, clock.GetUtcNow().UtcDateTime, ct) is { } e
                    ? TypedResults.Ok(EngagementQueries.View(e, user, calendar.Today))
                    : TypedResults.NotFound())
            .RequireAuthorization(keeper)
            .WithName("DrawEngagementAgency")
            .WithSummary("抽签确定第三方机构（绩效股）：按种子对符合条件的机构排序（SHA-256(种子|机构编号) 升序），第一家中选，其余依次候补；抽签记录可打印、可复核");
        group.MapPost("/{id:long}/set-aside", async Task<Results<Ok<EngagementView>, NotFound>> (long id, EngagementNote body, JixiaoDbContext db,
                CurrentUser user, BusinessClock calendar, TimeProvider clock, CancellationToken ct) =>
                await EngagementWork.SetAsideAsync(db, user, id, body.Note, clock.GetUtcNow().UtcDateTime, ct) is { } e
                    ? TypedResults.Ok(EngagementQueries.View(e, user, calendar.Today))
                    : TypedResults.NotFound())
            .RequireAuthorization(keeper)
            .WithName("SetAsideEngagementAgency")
            .WithSummary("更换中选机构（绩效股，写明理由）：中选机构放弃或被排除后，由抽签顺序中的下一家递补；已提交成果后不能更换");
        group.MapPost("/{id:long}/cancel", async Task<Results<Ok<EngagementView>, NotFound>> (long id, EngagementNote body, JixiaoDbContext db,
                CurrentUser user, BusinessClock calendar, CancellationToken ct) =>
                await EngagementWork.CancelAsync(db, user, id, body.Note, ct) is { } e
                    ? TypedResults.Ok(EngagementQueries.View(e, user, calendar.Today))
                    : TypedResults.NotFound())
            .RequireAuthorization(keeper)
            .WithName("CancelEngagement")
            .WithSummary("终止委托（绩效股，写明理由）");
        group.MapGet("/settings/{year:int}", async Task<Ok<EngagementRules>> (int year, JixiaoDbContext db, CurrentUser user, CancellationToken ct) =>
                TypedResults.Ok(await EngagementWork.RulesAsync(db, user, year, ct)))
            .RequireAuthorization(Policies.FinanceStaff)
            .WithName("GetEngagementSettings")
            .WithSummary("本区划某年度的第三方委托设置：成果阶段（每行一个）、报告质量考核表（每行“名称 分值”，合计 100）、年度评级权重、在办委托上限、入选所需的上年评级分；未设置时为默认值（updatedAtUtc 为空）");
        group.MapPut("/settings/{year:int}", async Task<Ok<EngagementRules>> (int year, EngagementRulesInput input, JixiaoDbContext db, CurrentUser user,
                TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await EngagementWork.SetRulesAsync(db, user, year, input, clock.GetUtcNow().UtcDateTime, ct)))
            .RequireAuthorization(keeper)
            .WithName("SetEngagementSettings")
            .WithSummary("设置本区划某年度的第三方委托设置（绩效股）；不合理时拒绝并说明。已建委托的阶段不变；新建委托、此后的抽签、报告考核和年度评级按新设置");
        group.MapGet("/statistics", async Task<Ok<EngagementStatistics>> (int? year, JixiaoDbContext db, BusinessClock calendar, CancellationToken ct) =>
                TypedResults.Ok(await EngagementStatisticsQuery.ForYearAsync(db, year ?? calendar.Year, calendar.Today, ct)))
            .RequireAuthorization(Policies.FinanceStaff)
            .WithName("GetEngagementStatistics")
            .WithSummary("委托统计（财政）：某年度委托数、费用（不含已终止）、各状态委托数，阶段已确认/进行中/逾期/未开始，已考核报告数和平均分；按委托范围、按第三方机构（含本年度评级）");
        group.MapGet("/statistics.xlsx", async (int? year, JixiaoDbContext db, BusinessClock calendar, CancellationToken ct) =>
            {
                var (name, content) = await EngagementStatisticsQuery.ExportAsync(db, year ?? calendar.Year, calendar.Today, ct);
                return TypedResults.File(content, FileTypes.Xlsx, name);
            })
            .RequireAuthorization(Policies.FinanceStaff)
            .ProducesFile(FileTypes.Xlsx)
            .WithName("ExportEngagementStatistics")
            .WithSummary("导出委托统计（xlsx，与统计页相同的表：合计、按委托范围、按第三方机构）");
        group.MapPost("/{id:long}/report-score", async Task<Results<Ok<EngagementView>, NotFound>> (long id, ReportScoreInput input, JixiaoDbContext db,
                CurrentUser user, BusinessClock calendar, TimeProvider clock, CancellationToken ct) =>
                await EngagementWork.ScoreReportAsync(db, user, id, input.Items, clock.GetUtcNow().UtcDateTime, ct) is { } e
                    ? TypedResults.Ok(EngagementQueries.View(e, user, calendar.Today))
                    : TypedResults.NotFound())
            .RequireAuthorization(keeper)
            .WithName("ScoreEngagementReport")
            .WithSummary("报告质量考核（绩效股）：委托完成后按该年度的报告质量考核表为终稿逐项打分（每项 0 至该项分值，最多一位小数），全部项目一次提交；有专家评审组结果时取两者平均。再次考核替换上次得分");
        foreach (var action in Enum.GetValues<StageAction>())
            group.MapPost($"/stages/{{stageId:long}}/{action.ToString().ToLowerInvariant()}", async Task<Results<Ok<EngagementView>, NotFound>> (long stageId,
                    EngagementNote body, JixiaoDbContext db, CurrentUser user, BusinessClock calendar, TimeProvider clock, CancellationToken ct) =>
                    await EngagementWork.ActOnStageAsync(db, user, stageId, action, body.Note, clock.GetUtcNow().UtcDateTime, ct) is { } e
                        ? TypedResults.Ok(EngagementQueries.View(e, user, calendar.Today))
                        : TypedResults.NotFound())
                .WithName($"{action}EngagementStage")
                .WithSummary(action switch
                {
                    StageAction.Submit => "第三方机构提交阶段成果（先在 /api/evidence/stages/{stageId} 上传成果文件）；被提出异议后修改再提交",
                    StageAction.Confirm => "被评价单位或财政确认阶段成果；三方均确认后开启下一阶段，最后阶段确认即委托完成",
                    _ => "被评价单位或财政对阶段成果提出异议（必须写明理由），退回第三方机构修改",
                });
        return api;
    }
}
