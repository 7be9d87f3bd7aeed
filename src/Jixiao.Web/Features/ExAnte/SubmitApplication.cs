using Jixiao.Domain.ExAnte;

namespace Jixiao.Web.Features.ExAnte;

/// <summary>The unit's 事前评估报告 as a form sends it: a text per dimension, the materials ticked, the amount and the proposed targets.</summary>
public sealed record ExAnteApplicationInput(IReadOnlyDictionary<string, string>? Report, IReadOnlyList<string>? Materials, decimal RequestedAmount,
    string? OverallGoal, string? AnnualGoal, string? Indicators);

/// <summary>A reason finance gives (退回补充, 退回修改稿) or an opinion.</summary>
public sealed record ExAnteOpinion(string? Opinion);

public static partial class ExAnteWork
{
    public static async Task<ExAnteEvaluation?> SubmitAsync(JixiaoDbContext db, CurrentUser user, long id, ExAnteApplicationInput input, DateTime nowUtc,
        CancellationToken ct)
    {
        var evaluation = await FindAsync(db, id, ct);
        if (evaluation is null) return null;
        RequireApplicant(user, evaluation, "提交事前评估报告");
        var rules = await RulesAsync(db, evaluation.RegionCode, evaluation.FiscalYear, ct);
        evaluation.Submit(new ExAnteApplication(input.Report ?? new Dictionary<string, string>(), input.Materials ?? [], input.RequestedAmount,
            input.OverallGoal ?? "", input.AnnualGoal ?? "", input.Indicators ?? ""), rules, await Evidence.EvidenceWork.CountAsync(db, Domain.Evidence.EvidenceOwner.ExAnte, id, ct), user.UserName, nowUtc);
        await Saves.SaveAsync(db, ct);
        return evaluation;
    }

    public static async Task<ExAnteEvaluation?> ReturnAsync(JixiaoDbContext db, CurrentUser user, long id, ExAnteOpinion input, CancellationToken ct)
    {
        var evaluation = await FindAsync(db, id, ct);
        if (evaluation is null) return null;
        RequireFinance(user, "退回事前评估报告");
        evaluation.ReturnApplication(input.Opinion);
        await Saves.SaveAsync(db, ct);
        return evaluation;
    }
}
