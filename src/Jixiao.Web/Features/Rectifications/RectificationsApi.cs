using Jixiao.Domain.Rectifications;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Features.Rectifications;

public static class RectificationsApi
{
    public static RouteGroupBuilder MapRectificationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/rectifications").WithTags("问题整改").RequireAuthorization(Policies.BusinessStaff);
        var keeper = Policies.For(Role.PerformanceDivision);
        group.MapGet("/", async Task<Ok<FormPage<RectificationRow>>> ([AsParameters] RectificationQuery q, JixiaoDbContext db, CurrentUser user,
                BusinessClock calendar, CancellationToken ct) => TypedResults.Ok(await RectificationQueries.ListAsync(db, user, q, calendar.Today, ct)))
            .WithName("ListRectifications")
            .WithSummary("整改事项列表：财政看本区划全部，部门看本部门及所属单位的，单位看本单位的；可按来源年度、来源、状态、逾期、待我办理、部门筛选，按项目、单位、问题搜索；未完成的按期限排在前面");
        group.MapGet("/{id:long}", async Task<Results<Ok<RectificationView>, NotFound>> (long id, JixiaoDbContext db, CurrentUser user, BusinessClock calendar,
                CancellationToken ct) => await RectificationQueries.ViewAsync(db, user, id, calendar.Today, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithName("GetRectification")
            .WithSummary("整改事项详情：问题、整改要求、期限、责任单位、来源、整改措施、办理过程、附件数和当前可办理的操作");
        group.MapGet("/ledger.xlsx", async ([AsParameters] RectificationQuery q, JixiaoDbContext db, CurrentUser user, BusinessClock calendar, CancellationToken ct) =>
            {
                var (name, content) = await RectificationDocuments.LedgerAsync(db, user, q, calendar.Today, ct);
                return TypedResults.File(content, FileTypes.Xlsx, name);
            })
            .ProducesFile(FileTypes.Xlsx)
            .WithName("ExportRectificationLedger")
            .WithSummary("导出整改台账（xlsx）：与列表相同的筛选，全部页");
        group.MapGet("/{id:long}/notice.docx", async Task<Results<FileContentHttpResult, NotFound>> (long id, JixiaoDbContext db, CurrentUser user,
                BusinessClock calendar, CancellationToken ct) =>
            {
                if (await RectificationQueries.ViewAsync(db, user, id, calendar.Today, ct) is not { } view) return TypedResults.NotFound();
                var region = await db.Regions.AsNoTracking().Where(r => r.Code == view.RegionCode).Select(r => r.Name).SingleOrDefaultAsync(ct);
                var (name, content) = RectificationDocuments.NoticeDocx(view, $"{region}财政局");
                return TypedResults.File(content, FileTypes.Docx, name);
            })
            .ProducesFile(FileTypes.Docx)
            .WithName("DownloadRectificationNotice")
            .WithSummary("下载整改通知书（docx）：问题来源、问题描述、整改要求、期限和报送方式");
        group.MapGet("/todo", async Task<Ok<RectificationToDo>> (JixiaoDbContext db, CurrentUser user, BusinessClock calendar, CancellationToken ct) =>
                TypedResults.Ok(await RectificationQueries.ToDoAsync(db, user, calendar.Today, ct)))
            .WithName("GetRectificationToDo")
            .WithSummary("我的整改待办：待填报（其中被退回）、待部门审核、待财政核实，其中逾期的；绩效股另见全部逾期事项数");
        group.MapPost("/", async Task<Results<Created<RectificationView>, NotFound>> (RaiseRequest request, JixiaoDbContext db, CurrentUser user,
                TimeProvider clock, BusinessClock calendar, CancellationToken ct) =>
            {
                if (await RectificationWork.RaiseAsync(db, user, request, clock.GetUtcNow().UtcDateTime, ct) is not { } item) return TypedResults.NotFound();
                return await RectificationQueries.ViewAsync(db, user, item.Id, calendar.Today, ct) is { } view
                    ? TypedResults.Created($"/api/rectifications/{item.Id}", view)
                    : TypedResults.NotFound();
            })
            .RequireAuthorization(keeper)
            .WithName("RaiseRectification")
            .WithSummary("登记整改事项（绩效股）：从一个发现的问题（监控红灯、单位自评、抽查失真、部门评价或重点评价的问题、事前评估结论）登记，问题描述和整改要求默认取自来源；或手工登记（写明问题来源，按项目编码或责任单位）；同一问题只登记一次");
        group.MapPost("/batch", async Task<Results<Ok<RectificationBatchResult>, NotFound>> (RectificationBatchRequest request, JixiaoDbContext db, CurrentUser user, TimeProvider clock,
                CancellationToken ct) => await RectificationWork.RaiseBatchAsync(db, user, request, clock.GetUtcNow().UtcDateTime, ct) is { } result
                ? TypedResults.Ok(result)
                : TypedResults.NotFound())
            .RequireAuthorization(keeper)
            .WithName("RaiseRectificationBatch")
            .WithSummary("批量登记整改事项（绩效股）：一个监控轮次的全部红灯、一个抽查批次的全部失真或一个评价的全部问题，统一整改要求（留空取各问题的整改建议）和期限；已登记的跳过；全部成功或全部不登记");
        group.MapPut("/{id:long}/reply", async Task<Results<Ok<RectificationView>, NotFound>> (long id, ReplyRequest request, JixiaoDbContext db, CurrentUser user,
                TimeProvider clock, BusinessClock calendar, CancellationToken ct) =>
                await Viewed(db, user, await RectificationWork.ReplyAsync(db, user, id, request, clock.GetUtcNow().UtcDateTime, ct), calendar, ct))
            .WithName("ReplyRectification")
            .WithSummary("填写整改情况（责任单位；部门自身的事项由部门填写）：整改措施及成效，submit 为 true 时同时提交（单位提交给主管部门审核，部门提交给财政核实）；佐证材料作为附件上传");
        group.MapPost("/{id:long}/actions", async Task<Results<Ok<RectificationView>, NotFound>> (long id, ActRequest request, JixiaoDbContext db, CurrentUser user,
                TimeProvider clock, BusinessClock calendar, CancellationToken ct) =>
                await Viewed(db, user, await RectificationWork.ActAsync(db, user, id, request, clock.GetUtcNow().UtcDateTime, ct), calendar, ct))
            .WithName("ActOnRectification")
            .WithSummary("办理整改事项：Submit 提交（责任单位）、Approve 审核通过（主管部门）、Accept 核实通过（绩效股）、Return 退回（主管部门或绩效股，须写明理由）");
        group.MapPost("/{id:long}/extend", async Task<Results<Ok<RectificationView>, NotFound>> (long id, ExtendRequest request, JixiaoDbContext db, CurrentUser user,
                TimeProvider clock, BusinessClock calendar, CancellationToken ct) =>
                await Viewed(db, user, await RectificationWork.ExtendAsync(db, user, id, request, clock.GetUtcNow().UtcDateTime, ct), calendar, ct))
            .RequireAuthorization(keeper)
            .WithName("ExtendRectification")
            .WithSummary("延长整改期限（绩效股，写明理由）：新期限须晚于原期限");
        group.MapPost("/{id:long}/cancel", async Task<Results<Ok<RectificationView>, NotFound>> (long id, CancelRequest request, JixiaoDbContext db, CurrentUser user,
                TimeProvider clock, BusinessClock calendar, CancellationToken ct) =>
                await Viewed(db, user, await RectificationWork.CancelAsync(db, user, id, request, clock.GetUtcNow().UtcDateTime, ct), calendar, ct))
            .RequireAuthorization(keeper)
            .WithName("CancelRectification")
            .WithSummary("撤销整改事项（绩效股，写明理由）：误登记或已并入其他事项；撤销后不计入统计");
        group.MapGet("/statistics", async Task<Ok<RectificationStatistics>> (int? year, JixiaoDbContext db, BusinessClock calendar, CancellationToken ct) =>
                TypedResults.Ok(await RectificationStatisticsQuery.ForYearAsync(db, year, calendar.Today, ct)))
            .RequireAuthorization(Policies.FinanceStaff)
            .WithName("GetRectificationStatistics")
            .WithSummary("整改统计（某来源年度，不填为全部）：按问题来源和主管部门的整改事项数、未完成、逾期、待核实、已完成、按期完成、完成率和问题金额");
        group.MapGet("/statistics.xlsx", async (int? year, JixiaoDbContext db, BusinessClock calendar, CancellationToken ct) =>
            {
                var (name, content) = await RectificationStatisticsQuery.ExportAsync(db, year, calendar.Today, ct);
                return TypedResults.File(content, FileTypes.Xlsx, name);
            })
            .RequireAuthorization(Policies.FinanceStaff)
            .ProducesFile(FileTypes.Xlsx)
            .WithName("ExportRectificationStatistics")
            .WithSummary("导出整改统计（xlsx）：按问题来源和主管部门");
        return api;
    }

    private static async Task<Results<Ok<RectificationView>, NotFound>> Viewed(JixiaoDbContext db, CurrentUser user, Rectification? item, BusinessClock calendar,
        CancellationToken ct) =>
        item is not null && await RectificationQueries.ViewAsync(db, user, item.Id, calendar.Today, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
}
