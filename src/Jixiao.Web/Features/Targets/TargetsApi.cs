using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Targets;

public sealed record StartTarget(TargetStart From = TargetStart.Blank);

public sealed record ReviewRequest(ReviewGrade? Grade, string? Opinion);

public sealed record SaveResult(TargetView Target, IReadOnlyList<QualityIssue> Issues);

public sealed record FrameRequest(string FrameCode, string? CustomText);

public static class TargetsApi
{
    public static RouteGroupBuilder MapTargetsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/targets").WithTags("绩效目标").RequireAuthorization(Policies.BusinessStaff);

        group.MapGet("/inbox", ListTargetInbox)
            .WithName(nameof(ListTargetInbox))
            .WithSummary("目标收件箱：待办（待我填报、提交或审核）、被退回、已办、待填报（本单位预算内尚无目标的项目）；q 搜索项目代码、名称或单位，department、division（资金所在业务股室）、state 筛选，sort（Code、Budget、Unit、Updated）与 desc 排序，page、pageSize 分页");

        foreach (var (verb, action, name) in new[] { ("approve", ReviewAction.Approve, "BatchApproveTargets"), ("return", ReviewAction.Return, "BatchReturnTargets") })
            group.MapPost($"/batch/{verb}", async Task<Ok<BatchResult>> (BatchRequest request, JixiaoDbContext db, CurrentUser user, TimeProvider clock,
                    CancellationToken ct) =>
                    TypedResults.Ok(await TargetWork.BatchAsync(db, user, action, request, clock.GetUtcNow().UtcDateTime, ct)))
                .WithName(name)
                .WithSummary($"批量{action.Label()}：ids 为所选目标，一个意见（通过时一个等级）；每份分别检查并留痕，结果列出未能办理的及原因");

        group.MapGet("/{id:long}", async Task<Results<Ok<TargetView>, NotFound>> (long id, JixiaoDbContext db, CurrentUser user, CancellationToken ct) =>
                await TargetQueries.ViewAsync(db, user, id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithName("GetTarget")
            .WithSummary("一个版本的绩效目标：目标、指标、审核记录（谁、何时、意见、等级）、质量检查、全部版本及与上一版的差异、我能做的动作");

        group.MapPost("/projects/{projectId:long}", StartProjectTarget)
            .WithName(nameof(StartProjectTarget))
            .WithSummary("为项目开始填报绩效目标（第 1 版草稿）：空白，或 from=LastYear 沿用上年已批复的目标（经常性项目）");

        group.MapPost("/departments/{departmentId:long}", StartDepartmentTarget)
            .WithName(nameof(StartDepartmentTarget))
            .WithSummary("为部门开始填报部门整体绩效目标（战略目标、年度职责目标、整体指标）");

        group.MapPut("/{id:long}", SaveTarget)
            .WithName(nameof(SaveTarget))
            .WithSummary("保存目标与指标（整体替换）。填报人在草稿或被退回时可改；财政业务股室、绩效股在各自审核环节可完善（留痕）。返回质量检查结果：草稿可带警告保存。");

        MapAction(group, "submit", ReviewAction.Submit, "SubmitTarget", "提交：质量检查有错误时拒绝并逐条说明");
        MapAction(group, "approve", ReviewAction.Approve, "ApproveTarget", "审核通过：等级 Excellent（优）或 Good（良），可写意见");
        MapAction(group, "return", ReviewAction.Return, "ReturnTarget", "退回修改（等级“中”）：必须写明理由，填报人可见");
        MapAction(group, "reject", ReviewAction.Reject, "RejectTarget", "审核不通过（等级“差”）：不得进入预算编制；仅财政审核环节");

        group.MapPost("/{id:long}/adjust", AdjustTarget)
            .WithName(nameof(AdjustTarget))
            .WithSummary("申请调整已批复的目标：生成下一版草稿（写明理由），走同一审核链；新版批复后旧版标记为“已被新版本替代”，仍可查看");

        group.MapGet("/coverage", async Task<Ok<Coverage>> (int? year, FundingSource? source, int? page, int? pageSize, JixiaoDbContext db,
                BusinessClock calendar, CancellationToken ct) =>
                TypedResults.Ok(await TargetQueries.CoverageAsync(db, year ?? calendar.Year, source, page ?? 1, pageSize ?? 50, ct)))
            .RequireAuthorization(Policies.FinanceStaff)
            .WithName("GetTargetCoverage")
            .WithSummary("目标全覆盖检查：预算内（含年中追加、待分资金分配）尚无已批复目标的项目，按部门和预算类型的个数与金额；source 只列某一资金来源（Initial 年初、MidYearAddition 年中追加、PoolAllocation 待分资金分配）");

        group.MapGet("/sheet", ExportTargetSheet)
            .ProducesFile(FileTypes.Xlsx)
            .WithName(nameof(ExportTargetSheet))
            .WithSummary("导出项目支出绩效目标申报表（xlsx）：权限范围内（可按部门）预算内项目的现有目标，每行一个三级指标，可离线填写后导入");

        group.MapPost("/sheet", ImportTargetSheet)
            .DisableAntiforgery()
            .WithName(nameof(ImportTargetSheet))
            .WithSummary("导入填好的绩效目标申报表（xlsx、xls、csv）：全部无误才写入（草稿，质量问题作为提示列出），任何一行有错则不写入并逐行说明");

        group.MapGet("/frame", GetIndicatorFrame)
            .WithName(nameof(GetIndicatorFrame))
            .WithSummary("本地区某年度使用的一级、二级指标框架");

        group.MapPut("/frame", SetIndicatorFrame)
            .RequireAuthorization(Policies.For(Role.PerformanceDivision))
            .WithName(nameof(SetIndicatorFrame))
            .WithSummary("设置本地区某年度的指标框架：National（全国通用）、CostLevel1（成本指标为一级指标）或 Custom（customText 每行“一级指标：二级指标、二级指标”）");
        return api;
    }

    private static async Task<Ok<InboxPage>> ListTargetInbox(int? year, InboxBox? box, int? page, [AsParameters] FormQuery q, JixiaoDbContext db,
        CurrentUser user, BusinessClock calendar, CancellationToken ct)
    {
        if (page is { } p) q.PageNumber = p;
        return TypedResults.Ok(await TargetQueries.InboxAsync(db, user, year ?? calendar.Year, box ?? InboxBox.Todo, q, ct));
    }

    private static async Task<Results<Created<TargetView>, NotFound>> StartProjectTarget(long projectId, StartTarget request, JixiaoDbContext db,
        CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        await CreatedAsync(db, user, await TargetWork.StartForProjectAsync(db, user, projectId, request.From, clock.GetUtcNow().UtcDateTime, ct), ct);

    private static async Task<Results<Created<TargetView>, NotFound>> StartDepartmentTarget(long departmentId, int? year, JixiaoDbContext db,
        CurrentUser user, TimeProvider clock, BusinessClock calendar, CancellationToken ct) =>
        await CreatedAsync(db, user, await TargetWork.StartForDepartmentAsync(db, user, departmentId, year ?? calendar.Year, clock.GetUtcNow().UtcDateTime, ct), ct);

    private static async Task<Results<Created<TargetView>, NotFound>> AdjustTarget(long id, ReviewRequest request, JixiaoDbContext db,
        CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        await CreatedAsync(db, user, await TargetWork.AdjustAsync(db, user, id, request.Opinion, clock.GetUtcNow().UtcDateTime, ct), ct);

    /// <summary>A new version (null: the project, department or target is outside the scope) as its own resource.</summary>
    private static async Task<Results<Created<TargetView>, NotFound>> CreatedAsync(JixiaoDbContext db, CurrentUser user, PerformanceTarget? target,
        CancellationToken ct) =>
        target is null ? TypedResults.NotFound() : TypedResults.Created($"/api/targets/{target.Id}", (await TargetQueries.ViewAsync(db, user, target.Id, ct))!);

    private static async Task<Results<Ok<SaveResult>, NotFound>> SaveTarget(long id, TargetContent content, JixiaoDbContext db, CurrentUser user,
        TimeProvider clock, IOptions<FormLimits> limits, CancellationToken ct)
    {
        var saved = await TargetWork.SaveAsync(db, user, id, content, limits.Value, clock.GetUtcNow().UtcDateTime, ct);
        return saved is null ? TypedResults.NotFound() : TypedResults.Ok(new SaveResult((await TargetQueries.ViewAsync(db, user, id, ct))!, saved.Value.Issues));
    }

    private static async Task<FileContentHttpResult> ExportTargetSheet(int? year, long? departmentId, JixiaoDbContext db, BusinessClock calendar,
        CancellationToken ct)
    {
        var (name, content) = await TargetSheet.ExportAsync(db, year ?? calendar.Year, departmentId, ct);
        return TypedResults.File(content, FileTypes.Xlsx, name);
    }

    private static async Task<Results<Ok<TargetImportReport>, UnprocessableEntity<TargetImportReport>>> ImportTargetSheet([FromForm] int? year,
        IFormFile file, JixiaoDbContext db, CurrentUser user, TimeProvider clock, BusinessClock calendar, IOptions<UploadLimits> limits,
        IOptions<FormLimits> forms, CancellationToken ct)
    {
        var report = await TargetSheet.ImportAsync(db, user, year ?? calendar.Year, file.FileName, await Uploads.ReadAsync(file, limits.Value, ct),
            limits.Value, forms.Value, clock.GetUtcNow().UtcDateTime, ct);
        return report.Committed ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

    private static async Task<Ok<IndicatorFrameView>> GetIndicatorFrame(int? year, JixiaoDbContext db, CurrentUser user, BusinessClock calendar,
        CancellationToken ct)
    {
        var frame = await TargetWork.FrameAsync(db, user.RegionCode ?? "", year ?? calendar.Year, ct);
        return TypedResults.Ok(new IndicatorFrameView(frame.Code, frame.Name, frame.Levels));
    }

    private static async Task<Ok<IndicatorFrameView>> SetIndicatorFrame(int? year, FrameRequest request, JixiaoDbContext db, CurrentUser user,
        TimeProvider clock, BusinessClock calendar, CancellationToken ct)
    {
        var frame = await FrameSettings.ChooseAsync(db, user, year ?? calendar.Year, request.FrameCode, request.CustomText, clock.GetUtcNow().UtcDateTime, ct);
        return TypedResults.Ok(new IndicatorFrameView(frame.Code, frame.Name, frame.Levels));
    }

    private static void MapAction(RouteGroupBuilder group, string verb, ReviewAction action, string name, string summary) =>
        group.MapPost($"/{{id:long}}/{verb}", async Task<Results<Ok<TargetView>, NotFound>> (long id, ReviewRequest request, JixiaoDbContext db,
                CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                await TargetWork.ActAsync(db, user, id, action, request.Grade, request.Opinion, clock.GetUtcNow().UtcDateTime, ct) is { } target
                    ? TypedResults.Ok((await TargetQueries.ViewAsync(db, user, target.Id, ct))!)
                    : TypedResults.NotFound())
            .WithName(name)
            .WithSummary(summary);
}

/// <summary>The frame a region uses in a year ([local] configuration, set by the performance division).</summary>
public static class FrameSettings
{
    public static async Task<IndicatorFrame> ChooseAsync(JixiaoDbContext db, CurrentUser user, int year, string frameCode, string? customText,
        DateTime nowUtc, CancellationToken ct)
    {
        var region = user.RegionCode ?? throw new Domain.ConflictException("系统账号没有所属区划，不能设置指标框架。");
        Domain.Organisation.FiscalYears.EnsureValid(year);
        var setting = await db.FrameSettings.SingleOrDefaultAsync(f => f.RegionCode == region && f.FiscalYear == year, ct);
        if (setting is null)
        {
            setting = IndicatorFrameSetting.Create(region, year);
            db.FrameSettings.Add(setting);
        }
        setting.Choose(frameCode, customText, nowUtc);
        await db.SaveChangesAsync(ct);
        return setting.Frame;
    }
}
