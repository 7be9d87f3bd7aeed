using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Printing;

namespace Jixiao.Web.Features.Monitoring;

/// <summary>The 绩效目标执行监控表 as printed and as PDF: one return with the stamps of its review chain.</summary>
public static class TaskPrint
{
    public const string Sheet = "/Features/Monitoring/_TaskPrint.cshtml";

    public static string Title(TaskView view) =>
        view.Subject == TargetSubject.Project ? "项目支出绩效目标执行监控表" : "部门整体绩效目标执行监控表";

    public static async Task<PrintedForm<TaskView>> PrintAsync(JixiaoDbContext db, TaskView view, DateTime nowUtc, CancellationToken ct) =>
        new(view, view.Department, await Stamps.FootAsync(db, view.Subject, view.Unit, view.State.Label(),
            view.Steps.Select(s => FormSteps.Stamped(s.Seq, s.Action, s.Role, s.UserId, s.UserName, s.AtUtc, s.Opinion)), nowUtc, ct));

    public static PrintJob Job(PrintedForm<TaskView> printed)
    {
        var v = printed.Form;
        return new PrintJob(Title(v), $"{Title(v)}-{v.Round.Title}-{(v.Code.Length > 0 ? v.Code : v.Unit)}", Sheet, printed);
    }
}
