using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Printing;

namespace Jixiao.Web.Features.Evaluations;

/// <summary>The 绩效自评表 as printed and as PDF: one self-evaluation with the stamps of its review chain.</summary>
public static class EvaluationPrint
{
    public const string Sheet = "/Features/Evaluations/_EvaluationPrint.cshtml";

    public static string Title(EvaluationView view) =>
        view.Evaluation.Subject == TargetSubject.Project ? "项目支出绩效自评表" : "部门整体支出绩效自评表";

    public static async Task<PrintedForm<EvaluationView>> PrintAsync(JixiaoDbContext db, EvaluationView view, DateTime nowUtc, CancellationToken ct)
    {
        var e = view.Evaluation;
        return new(view, await Stamps.DepartmentAsync(db, e.DepartmentId, ct), await Stamps.FootAsync(db, e.Subject, view.Unit, e.State.Label(),
            e.Steps.Select(s => FormSteps.Stamped(s.Seq, s.Action, s.Role, s.UserId, s.UserName, s.AtUtc, s.Opinion)), nowUtc, ct));
    }

    public static PrintJob Job(PrintedForm<EvaluationView> printed)
    {
        var v = printed.Form;
        return new PrintJob(Title(v), $"{Title(v)}-{v.Evaluation.FiscalYear}-{(v.Code.Length > 0 ? v.Code : v.Name)}", Sheet, printed);
    }
}
