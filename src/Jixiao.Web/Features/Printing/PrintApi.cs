using Jixiao.Web.Features.Engagements;
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
        api.MapPdf("/targets/{id:long}/pdf", TargetQueries.ViewAsync,
                async (db, view, now, ct) => TargetPrint.Job(await TargetPrint.PrintAsync(db, view, now, ct)))
            .WithTags("绩效目标").WithName("PrintTarget").WithSummary("下载一个版本的绩效目标申报表" + Pdf);
        api.MapPdf("/monitoring/tasks/{id:long}/pdf", MonitoringQueries.TaskAsync,
                async (db, view, now, ct) => TaskPrint.Job(await TaskPrint.PrintAsync(db, view, now, ct)))
            .WithTags("绩效运行监控").WithName("PrintMonitoringTask").WithSummary("下载绩效目标执行监控表" + Pdf);
        api.MapPdf("/evaluations/{id:long}/pdf", EvaluationQueries.ViewAsync,
                async (db, view, now, ct) => EvaluationPrint.Job(await EvaluationPrint.PrintAsync(db, view, now, ct)))
            .WithTags("单位自评").WithName("PrintEvaluation").WithSummary("下载绩效自评表" + Pdf);
        api.MapPdf("/engagements/{id:long}/draw-record/pdf", DrawRecordPrint.DrawnAsync,
                (_, engagement, now, _) => Task.FromResult(DrawRecordPrint.Job(DrawRecordPrint.Of(engagement, now))))
            .RequireAuthorization(Policies.FinanceStaff)
            .WithTags("第三方委托").WithName("PrintEngagementDrawRecord")
            .WithSummary("下载委托的抽签记录（财政；PDF，A4）：种子、每家机构的抽签号、顺序、结果及不符合条件的原因，末尾为抽签人、监督人签字栏；" +
                         "未抽签、不在权限范围内为 404，暂时无法生成为 503 并说明原因");
        api.MapPdf("/panels/{id:long}/draw-record/pdf", Panels.PanelDrawPrint.FinanceAsync,
                (_, panel, now, _) => Task.FromResult(Panels.PanelDrawPrint.Job(Panels.PanelDrawPrint.Of(panel, now))))
            .RequireAuthorization(Policies.FinanceStaff)
            .WithTags("专家评审组").WithName("PrintPanelDrawRecord")
            .WithSummary("下载评审组的专家抽取记录（财政；PDF，A4）：种子、名额、涉及人员、每位专家的领域、顺序、抽签号和结果（入选或更换及理由），末尾为抽取人、监督人签字栏；" +
                         "不在权限范围内为 404，暂时无法生成为 503 并说明原因");
        api.MapPdf("/exante/{id:long}/report/pdf", ExAnte.ExAnteDocuments.ReportAsync,
                (_, print, _, _) => Task.FromResult(ExAnte.ExAnteDocuments.ReportJob(print)))
            .WithTags("事前绩效评估").WithName("PrintExAnteReport")
            .WithSummary("下载单位的事前绩效评估报告（PDF，A4）：基本情况、五个维度的评估、拟定绩效目标和申报材料清单；单位尚未提交为 409，不在权限范围内为 404，暂时无法生成为 503");
        api.MapPdf("/exante/{id:long}/opinion/pdf", ExAnte.ExAnteDocuments.OpinionAsync,
                (_, print, _, _) => Task.FromResult(ExAnte.ExAnteDocuments.OpinionJob(print)))
            .WithTags("事前绩效评估").WithName("PrintExAnteOpinion")
            .WithSummary("下载财政的事前绩效评估意见书（PDF，A4）：评估方式、逐项得分及计算、结论、理由、建议预算控制数和修改稿情况；尚未出具结论为 409，不在权限范围内为 404，暂时无法生成为 503");
        api.MapPdf("/evaluation-plans/{id:long}/report/pdf", EvaluationPlans.PlanDocuments.ReportAsync,
                (_, print, _, _) => Task.FromResult(EvaluationPlans.PlanDocuments.Job(print)))
            .WithTags("部门评价和重点评价").WithName("PrintEvaluationPlanReport")
            .WithSummary("下载绩效评价报告（PDF，A4）：基本情况、工作开展情况、综合评价及结论（评分表）、指标分析、问题及原因、建议、其他；报告尚未编写为 409，不在权限范围内为 404，暂时无法生成为 503");
        return api;
    }

    /// <summary>One form's PDF: the form as its page loads it (null outside the user's scope: 404), printed as its sheet.</summary>
    private static RouteHandlerBuilder MapPdf<TView>(this RouteGroupBuilder api, string pattern,
        Func<JixiaoDbContext, CurrentUser, long, CancellationToken, Task<TView?>> load,
        Func<JixiaoDbContext, TView, DateTime, CancellationToken, Task<PrintJob>> print) where TView : class =>
        api.MapGet(pattern, async (long id, HttpContext http, JixiaoDbContext db, CurrentUser user, TimeProvider clock, SheetPrinter printer,
                CancellationToken ct) =>
                await printer.FileAsync(http, await load(db, user, id, ct) is { } view ? await print(db, view, clock.GetUtcNow().UtcDateTime, ct) : null, ct))
            .RequireAuthorization(Policies.BusinessStaff)
            .ProducesFile(FileTypes.Pdf)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
