using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Printing;

namespace Jixiao.Web.Features.Targets;

/// <summary>The 绩效目标申报表 as printed and as PDF: one version of targets with the stamps of its review chain.</summary>
public static class TargetPrint
{
    public const string Sheet = "/Features/Targets/_TargetPrint.cshtml";

    public static string Title(PerformanceTarget target) =>
        target.Subject == TargetSubject.Project ? "项目支出绩效目标申报表" : "部门整体支出绩效目标申报表";

    public static async Task<PrintedForm<TargetView>> PrintAsync(JixiaoDbContext db, TargetView view, DateTime nowUtc, CancellationToken ct)
    {
        var t = view.Target;
        var steps = t.Steps.Select(s => new StampedStep(s.Seq, s.Action switch
        {
            ReviewAction.Submit => StepEffect.Submits,
            ReviewAction.Approve => StepEffect.Approves,
            ReviewAction.Return or ReviewAction.Reject or ReviewAction.Adjust => StepEffect.Restarts,
            _ => StepEffect.None,
        }, s.Role, s.UserId, s.UserName, s.AtUtc, s.Opinion));
        var department = await Stamps.DepartmentAsync(db, t.DepartmentId, ct);
        return new PrintedForm<TargetView>(view, department,
            await Stamps.FootAsync(db, t.Subject, view.OrgName, $"第 {t.Version} 版，{t.State.Label()}", steps, nowUtc, ct));
    }

    public static PrintJob Job(PrintedForm<TargetView> printed)
    {
        var t = printed.Form.Target;
        return new PrintJob(Title(t), $"{Title(t)}-{t.FiscalYear}-{printed.Form.ProjectCode ?? printed.Form.OrgName}-第{t.Version}版", Sheet, printed);
    }
}
