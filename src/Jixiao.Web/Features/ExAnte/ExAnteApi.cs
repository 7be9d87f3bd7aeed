using Jixiao.Domain.ExAnte;
using Jixiao.Web.Features.Workflow;
using Jixiao.Web.Features.Imports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.ExAnte;

public static class ExAnteApi
{
    public static RouteGroupBuilder MapExAnteApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/exante").WithTags("事前绩效评估").RequireAuthorization(Policies.BusinessStaff);
        var keeper = Policies.For(Role.PerformanceDivision);
        group.MapGet("/", async Task<Ok<FormPage<ExAnteRow>>> (int year, ExAnteStatus? status, string? q, int? page, int? pageSize, JixiaoDbContext db,
                CurrentUser user, CancellationToken ct) =>
                TypedResults.Ok(await ExAnteQueries.ListAsync(db, user, year, status, q, page ?? 1, pageSize ?? 50, ct)))
            .WithName("ListExAnteEvaluations")
            .WithSummary("事前绩效评估列表（某预算年度）：财政看本区划全部，单位和部门看本单位的；可按状态（待评估、评估中、予以支持、调整完善后予以支持、不予支持）筛选");
        group.MapGet("/{id:long}", async Task<Results<Ok<ExAnteView>, NotFound>> (long id, JixiaoDbContext db, CurrentUser user, CancellationToken ct) =>
                await ExAnteQueries.ViewAsync(db, user, id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithName("GetExAnteEvaluation")
            .WithSummary("事前绩效评估详情：触发规则、单位评估报告、财政逐项评分及计算过程、结论、建议预算控制数和修改稿");
        group.MapGet("/{id:long}/report.docx", async Task<Results<FileContentHttpResult, NotFound>> (long id, JixiaoDbContext db, CurrentUser user, CancellationToken ct) =>
                await ExAnteDocuments.ReportAsync(db, user, id, ct) is { } print ? Docx(ExAnteDocuments.ReportDocx(print)) : TypedResults.NotFound())
            .ProducesFile(FileTypes.Docx)
            .WithName("DownloadExAnteReport")
            .WithSummary("下载单位的事前绩效评估报告（docx）：基本情况、五个维度的评估、拟定绩效目标和申报材料清单；单位尚未提交为 409");
        group.MapGet("/{id:long}/opinion.docx", async Task<Results<FileContentHttpResult, NotFound>> (long id, JixiaoDbContext db, CurrentUser user, CancellationToken ct) =>
                await ExAnteDocuments.OpinionAsync(db, user, id, ct) is { } print ? Docx(ExAnteDocuments.OpinionDocx(print)) : TypedResults.NotFound())
            .ProducesFile(FileTypes.Docx)
            .WithName("DownloadExAnteOpinion")
            .WithSummary("下载财政的事前绩效评估意见书（docx）：逐项得分及计算、结论、理由、建议预算控制数和修改稿情况；尚未出具结论为 409");
        group.MapPost("/screen/{year:int}", async Task<Ok<ScreeningResult>> (int year, JixiaoDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await ExAnteWork.ScreenAsync(db, user, year, clock.GetUtcNow().UtcDateTime, ct)))
            .RequireAuthorization(keeper)
            .WithName("ScreenExAnteProjects")
            .WithSummary("识别需事前评估的项目（绩效股）：按本年度规则（新增项目达到金额、新出台重大政策、专项资金执行超过年限、到期申请延续）为尚未列入的项目生成待评估记录；可重复执行");
        group.MapPost("/", async Task<Results<Created<ExAnteView>, NotFound>> (ExAnteAddition input, JixiaoDbContext db, CurrentUser user, TimeProvider clock,
                CancellationToken ct) =>
                await ExAnteWork.AddAsync(db, user, input, clock.GetUtcNow().UtcDateTime, ct) is { } e
                    ? TypedResults.Created($"/api/exante/{e.Id}", (await ExAnteQueries.ViewAsync(db, user, e.Id, ct))!)
                    : TypedResults.NotFound())
            .RequireAuthorization(keeper)
            .WithName("AddExAnteEvaluation")
            .WithSummary("财政指定项目开展事前评估（绩效股，写明理由；可选项目或政策维度）");
        group.MapPost("/{id:long}/submit", async Task<Results<Ok<ExAnteView>, NotFound>> (long id, ExAnteApplicationInput input, JixiaoDbContext db,
                CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                await Viewed(db, user, await ExAnteWork.SubmitAsync(db, user, id, input, clock.GetUtcNow().UtcDateTime, ct), ct))
            .WithName("SubmitExAnteApplication")
            .WithSummary("单位提交事前评估报告：按五个维度逐一写明评估内容，勾选已提供的标准材料，填写申报金额和拟定绩效目标；须先上传申报材料附件");
        group.MapPost("/{id:long}/return", async Task<Results<Ok<ExAnteView>, NotFound>> (long id, ExAnteOpinion input, JixiaoDbContext db, CurrentUser user,
                CancellationToken ct) =>
                await Viewed(db, user, await ExAnteWork.ReturnAsync(db, user, id, input, ct), ct))
            .RequireAuthorization(keeper)
            .WithName("ReturnExAnteApplication")
            .WithSummary("退回单位补充（绩效股，写明理由）");
        group.MapPost("/{id:long}/conclude", async Task<Results<Ok<ExAnteView>, NotFound>> (long id, ExAnteConclusionInput input, JixiaoDbContext db,
                CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                await Viewed(db, user, await ExAnteWork.ConcludeAsync(db, user, id, input, clock.GetUtcNow().UtcDateTime, ct), ct))
            .RequireAuthorization(keeper)
            .WithName("ConcludeExAnteEvaluation")
            .WithSummary("出具事前评估结论（绩效股）：财政自行评估或委托第三方时逐项给分，专家评审时取已出结果的评审组得分；按本年度分数线得出结论，写明理由，可给出建议预算控制数");
        group.MapPost("/{id:long}/revise", async Task<Results<Ok<ExAnteView>, NotFound>> (long id, ExAnteRevisionInput input, JixiaoDbContext db,
                CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                await Viewed(db, user, await ExAnteWork.ReviseAsync(db, user, id, input, clock.GetUtcNow().UtcDateTime, ct), ct))
            .WithName("ReviseExAnteApplication")
            .WithSummary("单位提交调整完善后的申报材料（结论为调整完善后予以支持时）：写明调整内容和调整后申报金额（不超过建议预算控制数）");
        group.MapPost("/{id:long}/revision", async Task<Results<Ok<ExAnteView>, NotFound>> (long id, ExAnteRevisionDecision input, JixiaoDbContext db,
                CurrentUser user, CancellationToken ct) =>
                await Viewed(db, user, await ExAnteWork.ActOnRevisionAsync(db, user, id, input, ct), ct))
            .RequireAuthorization(keeper)
            .WithName("ActOnExAnteRevision")
            .WithSummary("确认或退回修改稿（绩效股）：确认后项目方可安排预算");
        group.MapGet("/statistics", async Task<Ok<ExAnteStatistics>> (int? year, JixiaoDbContext db, BusinessClock calendar, CancellationToken ct) =>
                TypedResults.Ok(await ExAnteStatisticsQuery.ForYearAsync(db, year ?? calendar.Year + 1, ct)))
            .RequireAuthorization(Policies.FinanceStaff)
            .WithName("GetExAnteStatistics")
            .WithSummary("事前评估统计（某预算年度，默认下一年度）：按评估方式和主管部门的评估数、结论、申报金额与支持金额、建议控制数压减和不予支持的金额");
        group.MapGet("/statistics.xlsx", async (int? year, JixiaoDbContext db, BusinessClock calendar, CancellationToken ct) =>
            {
                var (name, content) = await ExAnteStatisticsQuery.ExportAsync(db, year ?? calendar.Year + 1, ct);
                return TypedResults.File(content, FileTypes.Xlsx, name);
            })
            .RequireAuthorization(Policies.FinanceStaff)
            .ProducesFile(FileTypes.Xlsx)
            .WithName("ExportExAnteStatistics")
            .WithSummary("导出事前评估统计表（xlsx）");
        group.MapGet("/scoring-sheet", async (int year, ExAnteVariant? variant, JixiaoDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var (name, content) = await ExAnteSheet.ExportAsync(db, user, year, variant ?? ExAnteVariant.Project, ct);
                return TypedResults.File(content, FileTypes.Xlsx, name);
            })
            .RequireAuthorization(keeper)
            .ProducesFile(FileTypes.Xlsx)
            .WithName("ExportExAnteScoringSheet")
            .WithSummary("导出事前评估评分表（绩效股，xlsx）：本年度待财政评估的项目（或政策）每行一个，逐项填写得分、结论理由和建议控制数后导入");
        group.MapPost("/scoring-sheet", async Task<Results<Ok<ExAnteSheetReport>, UnprocessableEntity<ExAnteSheetReport>>> ([FromForm] int year,
                [FromForm] ExAnteVariant? variant, IFormFile file, JixiaoDbContext db, CurrentUser user, TimeProvider clock, IOptions<UploadLimits> limits,
                CancellationToken ct) =>
            {
                var report = await ExAnteSheet.ImportAsync(db, user, year, variant ?? ExAnteVariant.Project, file.FileName, await Uploads.ReadAsync(file, limits.Value, ct),
                    limits.Value, clock.GetUtcNow().UtcDateTime, ct);
                return report.Committed ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
            })
            .DisableAntiforgery()
            .RequireAuthorization(keeper)
            .WithName("ImportExAnteScoringSheet")
            .WithSummary("导入填好的事前评估评分表（绩效股）：填了得分的每一行出具结论（财政自行评估），全部无误才写入，任何一行有错则不写入并逐行说明；未填得分的行跳过");
        group.MapGet("/settings/{year:int}", async Task<Ok<ExAnteSettings>> (int year, JixiaoDbContext db, CurrentUser user, CancellationToken ct) =>
                TypedResults.Ok(await ExAnteWork.SettingsAsync(db, user, year, ct)))
            .WithName("GetExAnteSettings")
            .WithSummary("事前评估设置（某预算年度；未设置时为默认值：新增项目 500 万元、专项资金 5 年、每个维度 20 分、80/60 分数线、超过控制数拒绝）");
        group.MapPut("/settings/{year:int}", async Task<Ok<ExAnteSettings>> (int year, ExAnteSettingsInput input, JixiaoDbContext db, CurrentUser user,
                TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await ExAnteWork.SetSettingsAsync(db, user, year, input, clock.GetUtcNow().UtcDateTime, ct)))
            .RequireAuthorization(keeper)
            .WithName("SetExAnteSettings")
            .WithSummary("保存事前评估设置（绩效股）");
        return api;
    }

    private static FileContentHttpResult Docx((string FileName, byte[] Content) file) => TypedResults.File(file.Content, FileTypes.Docx, file.FileName);

    private static async Task<Results<Ok<ExAnteView>, NotFound>> Viewed(JixiaoDbContext db, CurrentUser user, ExAnteEvaluation? e, CancellationToken ct) =>
        e is not null && await ExAnteQueries.ViewAsync(db, user, e.Id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
}
