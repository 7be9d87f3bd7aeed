using Jixiao.Web.Features.Imports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Monitoring;

public static class MonitoringSheetApi
{
    public static RouteGroupBuilder MapMonitoringSheetApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/monitoring").WithTags("绩效运行监控").RequireAuthorization(Policies.BusinessStaff);

        group.MapGet("/rounds/{id:long}/sheet", async Task<Results<FileContentHttpResult, NotFound>> (long id, long? departmentId, JixiaoDbContext db,
                CancellationToken ct) =>
                await MonitoringSheet.ExportAsync(db, id, departmentId, ct) is { } file
                    ? TypedResults.File(file.Content, FileTypes.Xlsx, file.FileName)
                    : TypedResults.NotFound())
            .ProducesFile(FileTypes.Xlsx)
            .WithName("ExportMonitoringSheet")
            .WithSummary("导出项目支出绩效目标执行监控表（xlsx）：本轮次权限范围内（可按部门）每个项目的每个指标一行，资金数每行重复；执行偏差原因、达成情况、偏差原因、完成目标可能性为下拉选项，预警及说明只读；可离线填写后导入");

        group.MapPost("/rounds/{id:long}/sheet", ImportMonitoringSheet)
            .DisableAntiforgery()
            .WithName(nameof(ImportMonitoringSheet))
            .WithSummary("导入填好的执行监控表（xlsx、xls、csv）：按任务编号保存有改动的项目监控表并重算预警，未改动的（含已提交的）不动；全部无误才写入，任何一行有错（任务编号、行号、下拉选项、读不出的实际完成值、修改已提交的监控表）则不写入并逐行说明");
        return api;
    }

    private static async Task<Results<Ok<MonitoringImportReport>, UnprocessableEntity<MonitoringImportReport>, NotFound>> ImportMonitoringSheet(long id,
        IFormFile file, JixiaoDbContext db, CurrentUser user, TimeProvider clock, IOptions<UploadLimits> limits, CancellationToken ct)
    {
        var report = await MonitoringSheet.ImportAsync(db, user, id, file.FileName, await Uploads.ReadAsync(file, limits.Value, ct), limits.Value,
            clock.GetUtcNow().UtcDateTime, ct);
        if (report is null) return TypedResults.NotFound();
        return report.Committed ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }
}
