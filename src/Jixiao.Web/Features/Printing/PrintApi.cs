using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Jixiao.Web.Features.Evaluations;
using Jixiao.Web.Features.Monitoring;
using Jixiao.Web.Features.Targets;

namespace Jixiao.Web.Features.Printing;

/// <summary>The PDF of each form, for whoever may view the form (a form outside the user's scope is a 404 as on its page).</summary>
public static class PrintApi
{
    private const string Pdf = "（PDF，A4，由服务器端页面经 Chromium 打印生成）：与页面“打印”所得相同，末尾为填报单位和各审核环节的签章（办理人、日期）；" +
                               "不在权限范围内为 404，暂时无法生成（服务器未安装 Chromium、请求过多、超时）为 503 并说明原因";

    public static RouteGroupBuilder MapPrintApi(this RouteGroupBuilder api)
    {
        api.MapGet("/targets/{id:long}/pdf", async (long id, HttpContext http, JixiaoDbContext db, CurrentUser user, TimeProvider clock, SheetPrinter printer,
                CancellationToken ct) =>
                await printer.FileAsync(http, await TargetQueries.ViewAsync(db, user, id, ct) is { } view
                    ? TargetPrint.Job(await TargetPrint.PrintAsync(db, view, clock.GetUtcNow().UtcDateTime, ct))
                    : null, ct))
            .WithTags("绩效目标").RequireAuthorization(Policies.BusinessStaff)
            .WithSummary("下载一个版本的绩效目标申报表" + Pdf);

        api.MapGet("/monitoring/tasks/{id:long}/pdf", async (long id, HttpContext http, JixiaoDbContext db, CurrentUser user, TimeProvider clock,
                SheetPrinter printer, CancellationToken ct) =>
                await printer.FileAsync(http, await MonitoringQueries.TaskAsync(db, user, id, ct) is { } view
                    ? TaskPrint.Job(await TaskPrint.PrintAsync(db, view, clock.GetUtcNow().UtcDateTime, ct))
                    : null, ct))
            .WithTags("绩效运行监控").RequireAuthorization(Policies.BusinessStaff)
            .WithSummary("下载绩效目标执行监控表" + Pdf);

        api.MapGet("/evaluations/{id:long}/pdf", async (long id, HttpContext http, JixiaoDbContext db, CurrentUser user, TimeProvider clock,
                SheetPrinter printer, CancellationToken ct) =>
                await printer.FileAsync(http, await EvaluationQueries.ViewAsync(db, user, id, ct) is { } view
                    ? EvaluationPrint.Job(await EvaluationPrint.PrintAsync(db, view, clock.GetUtcNow().UtcDateTime, ct))
                    : null, ct))
            .WithTags("单位自评").RequireAuthorization(Policies.BusinessStaff)
            .WithSummary("下载绩效自评表" + Pdf);
        return api;
    }
}
