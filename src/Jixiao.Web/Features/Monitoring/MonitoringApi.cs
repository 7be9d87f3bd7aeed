using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Monitoring;

public sealed record OpinionRequest(string? Opinion);

public sealed record KeyRequest(bool IsKey);

public sealed record RefigureResult(long RoundId, int Changed);

public static class MonitoringApi
{
    public static RouteGroupBuilder MapMonitoringApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/monitoring").WithTags("绩效运行监控").RequireAuthorization(Policies.BusinessStaff);
        var performance = Policies.For(Role.PerformanceDivision);

        group.MapGet("/rules", async Task<Ok<WarningRules>> (int? year, JixiaoDbContext db, CurrentUser user, BusinessClock calendar, CancellationToken ct) =>
                TypedResults.Ok(await RoundWork.RulesAsync(db, user.RegionCode ?? "", year ?? calendar.Year, ct)))
            .WithName("GetWarningRules")
            .WithSummary("本地区某年度的预警规则（未设置时为 DOMAIN §4.3 默认值）：执行预警方式 Ratio（比值）或 Gap（差距）及各阈值");

        group.MapPut("/rules", async Task<Ok<WarningRules>> (int? year, WarningRules rules, JixiaoDbContext db, CurrentUser user, TimeProvider clock, BusinessClock calendar,
                CancellationToken ct) =>
                TypedResults.Ok(await RoundWork.SetRulesAsync(db, user, year ?? calendar.Year, rules, clock.GetUtcNow().UtcDateTime, ct)))
            .RequireAuthorization(performance)
            .WithName("SetWarningRules")
            .WithSummary("设置本地区某年度的预警规则；阈值顺序不对时拒绝并说明。已开启轮次的灯在“重新计算预警”后按新规则显示");

        group.MapGet("/rounds", async Task<Ok<IReadOnlyList<RoundSummary>>> (int? year, JixiaoDbContext db, BusinessClock calendar, CancellationToken ct) =>
                TypedResults.Ok(await MonitoringQueries.RoundsAsync(db, year ?? calendar.Year, ct)))
            .WithName("ListRounds")
            .WithSummary("监控轮次：截止月份、填报截止日期、下达任务数、已填报数、完成率、红黄绿蓝灯数（权限范围内）");

        group.MapPost("/rounds", OpenRound)
            .RequireAuthorization(performance)
            .WithName(nameof(OpenRound))
            .WithSummary("开启监控：数据截至所选月份月末（全国默认 7 月），范围为截至该日有预算且目标已批复的项目（含年中追加、待分资金分配）及部门整体目标；为每个项目向其单位下达任务并计算执行预警。keyMinWan：金额达到该值（万元）的项目标为财政重点监控");

        group.MapGet("/rounds/{id:long}/statistics", async Task<Results<Ok<RoundStatistics>, NotFound>> (long id, JixiaoDbContext db, CancellationToken ct) =>
                await MonitoringQueries.StatisticsAsync(db, id, 200, ct) is { } stats ? TypedResults.Ok(stats) : TypedResults.NotFound())
            .WithName("GetRoundStatistics")
            .WithSummary("轮次统计：按主管部门的下达数、填报数、完成率、红黄绿蓝灯数、金额，以及红灯项目及其原因（前 200 个）");

        group.MapGet("/rounds/{id:long}/statistics.xlsx", ExportRoundStatistics)
            .ProducesFile(FileTypes.Xlsx)
            .WithName(nameof(ExportRoundStatistics))
            .WithSummary("导出轮次统计表（xlsx）：按部门统计及全部红灯项目与原因");

        // {roundId}: the round only filters the tasks, so RequestArguments resolves it through the scope (a foreign round is 404, not an empty page).
        group.MapGet("/rounds/{roundId:long}/tasks", ListMonitoringTasks)
            .WithName(nameof(ListMonitoringTasks))
            .WithSummary("轮次的监控任务（项目、部门整体）：q（或 keyword）搜索项目代码、名称或单位，department（或 departmentId）、division（资金所在业务股室）、light、state、key（重点监控）筛选，sort（Code、Budget、Unit、Updated）与 desc 排序，page、pageSize 分页；mine=true 只列待我办理的");

        foreach (var (verb, action, name) in new[] { ("approve", FormAction.Approve, "BatchApproveMonitoringTasks"), ("return", FormAction.Return, "BatchReturnMonitoringTasks") })
            group.MapPost($"/tasks/batch/{verb}", async Task<Ok<BatchResult>> (BatchRequest request, JixiaoDbContext db, CurrentUser user, TimeProvider clock,
                    CancellationToken ct) =>
                    TypedResults.Ok(await ReturnWork.BatchAsync(db, user, action, request, clock.GetUtcNow().UtcDateTime, ct)))
                .WithName(name)
                .WithSummary($"批量{action.Label()}监控表：ids 为所选任务，一个意见；每份分别检查并留痕，结果列出未能办理的及原因");

        group.MapPost("/rounds/{id:long}/refigure", async Task<Results<Ok<RefigureResult>, NotFound>> (long id, JixiaoDbContext db, CancellationToken ct) =>
                await RoundWork.RefigureAsync(db, id, ct) is { } changed ? TypedResults.Ok(new RefigureResult(id, changed)) : TypedResults.NotFound())
            .RequireAuthorization(performance)
            .WithName("RefigureRound")
            .WithSummary("重新计算预警：按截止日的账（含事后补录的截止日前文件和支付）和当前预警规则重算每个任务的资金数和每一盏灯");

        group.MapPost("/rounds/{id:long}/close", CloseRound)
            .RequireAuthorization(performance)
            .WithName(nameof(CloseRound))
            .WithSummary("结束监控：此后监控表不能再填报或审核，统计和预警仍可查看");

        group.MapGet("/tasks/{id:long}", async Task<Results<Ok<TaskView>, NotFound>> (long id, JixiaoDbContext db, CurrentUser user, CancellationToken ct) =>
                await MonitoringQueries.TaskAsync(db, user, id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithName("GetMonitoringTask")
            .WithSummary("一张监控表：资金（截至截止日的全年预算数、执行数、执行率）、全年预计执行数、每个指标的实际完成值、预计、偏差原因、完成可能性、措施，每盏灯及其说明，审核记录，整改措施");

        group.MapPut("/tasks/{id:long}", async Task<Results<Ok<TaskView>, NotFound>> (long id, ReturnInput input, JixiaoDbContext db, CurrentUser user,
                TimeProvider clock, IOptions<FormLimits> limits, CancellationToken ct) =>
                await TaskViewAsync(db, user, id, await ReturnWork.FillAsync(db, user, id, input, limits.Value, clock.GetUtcNow().UtcDateTime, ct), ct))
            .WithName("FillMonitoringTask")
            .WithSummary("保存监控表（单位填报人；部门整体由主管部门）：rows 按目标的行号填写；实际完成值读不出时拒绝并指明行号，灯随即重算");

        MapAction(group, "submit", FormAction.Submit, "SubmitMonitoringTask", "提交：未填的指标、红黄灯缺少偏差原因或完成可能性、“完全不可能”缺少措施、未填全年预计执行数时拒绝并逐条列出");
        MapAction(group, "approve", FormAction.Approve, "ApproveMonitoringTask", "审核通过（主管部门，资金所在业务股室（本年度设置需要时），然后财政绩效股）");
        MapAction(group, "return", FormAction.Return, "ReturnMonitoringTask", "退回修改：必须写明理由，填报人可见");

        group.MapPut("/tasks/{id:long}/key", async Task<Results<Ok<TaskView>, NotFound>> (long id, KeyRequest request, JixiaoDbContext db, CurrentUser user,
                TimeProvider clock, CancellationToken ct) =>
                await TaskViewAsync(db, user, id, await ReturnWork.MarkKeyAsync(db, user, id, request.IsKey, clock.GetUtcNow().UtcDateTime, ct), ct))
            .RequireAuthorization(performance)
            .WithName("MarkKeyMonitoringTask")
            .WithSummary("标记或取消财政重点监控");

        group.MapPost("/tasks/{id:long}/corrections", RecordCorrection)
            .RequireAuthorization(performance)
            .WithName(nameof(RecordCorrection))
            .WithSummary("记录整改措施：Reduction 预算调减、Reallocation 调剂（counterpartProjectId 调入项目）、Recovery 收回 —— 写入项目指标账；Suspension 暂缓拨付 —— 自该日起暂缓支付（支付导入拒绝暂缓期间的支付，财政解除后恢复）；TargetAdjustment 目标调整 —— 生成下一版目标草稿交单位修改。金额不得超过截至该日的可用余额");
        return api;
    }

    private static async Task<Created<RoundOpened>> OpenRound(OpenRound request, JixiaoDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var opened = await RoundWork.OpenAsync(db, user, request, clock.GetUtcNow().UtcDateTime, ct);
        return TypedResults.Created($"/api/monitoring/rounds/{opened.RoundId}/statistics", opened);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportRoundStatistics(long id, JixiaoDbContext db, CancellationToken ct)
    {
        if (await MonitoringQueries.StatisticsAsync(db, id, int.MaxValue, ct) is not { } stats) return TypedResults.NotFound();
        var (name, content) = StatisticsSheet.Write(stats);
        return TypedResults.File(content, FileTypes.Xlsx, name);
    }

    private static async Task<Ok<FormPage<TaskRow>>> ListMonitoringTasks(long roundId, long? departmentId, bool? key, string? keyword, bool? mine,
        int? page, [AsParameters] FormQuery q, JixiaoDbContext db, CurrentUser user, CancellationToken ct)
    {
        q.Department ??= departmentId;
        q.Q ??= keyword;
        if (page is { } p) q.PageNumber = p;
        return TypedResults.Ok(await MonitoringQueries.TasksAsync(db, user, roundId, q, ct, mine ?? false, key));
    }

    private static async Task<Results<Ok<RoundSummary>, NotFound>> CloseRound(long id, JixiaoDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var round = await RoundWork.CloseAsync(db, id, clock.GetUtcNow().UtcDateTime, ct);
        return round is null ? TypedResults.NotFound() : TypedResults.Ok((await MonitoringQueries.RoundsAsync(db, round.FiscalYear, ct)).Single(r => r.Id == id));
    }

    private static async Task<Results<Created<TaskView>, NotFound>> RecordCorrection(long id, CorrectionRequest request, JixiaoDbContext db,
        CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        await ReturnWork.CorrectAsync(db, user, id, request, clock.GetUtcNow().UtcDateTime, ct) is null
            ? TypedResults.NotFound()
            : TypedResults.Created($"/api/monitoring/tasks/{id}", (await MonitoringQueries.TaskAsync(db, user, id, ct))!);

    /// <summary>The monitoring form after a change (<paramref name="changed"/> null: the task is outside the scope).</summary>
    private static async Task<Results<Ok<TaskView>, NotFound>> TaskViewAsync(JixiaoDbContext db, CurrentUser user, long id, MonitoringTask? changed,
        CancellationToken ct) =>
        changed is null ? TypedResults.NotFound() : TypedResults.Ok((await MonitoringQueries.TaskAsync(db, user, id, ct))!);

    private static void MapAction(RouteGroupBuilder group, string verb, FormAction action, string name, string summary) =>
        group.MapPost($"/tasks/{{id:long}}/{verb}", async Task<Results<Ok<TaskView>, NotFound>> (long id, OpinionRequest request, JixiaoDbContext db,
                CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                await TaskViewAsync(db, user, id, await ReturnWork.ActAsync(db, user, id, action, request.Opinion, clock.GetUtcNow().UtcDateTime, ct), ct))
            .WithName(name)
            .WithSummary(summary);
}
