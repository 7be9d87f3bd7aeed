using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Reviews;

namespace Jixiao.Web.Features.Evaluations;

/// <summary>填报: the unit saves its self-evaluation; reference score and findings are recomputed.</summary>
public static partial class EvaluationWork
{
    /// <summary>Saves what the unit wrote; the reference score and findings are recomputed and returned with the form.</summary>
    public static async Task<SelfEvaluation?> FillAsync(JixiaoDbContext db, CurrentUser user, long id, SelfEvaluationInput input, FormLimits limits,
        DateTime nowUtc, CancellationToken ct)
    {
        var evaluation = await FindAsync(db, id, ct);
        if (evaluation is null) return null;
        limits.Ensure(input.Rows.Count, "自评表");
        var actor = ActingRole.Pick(user, r => ReviewChains.SelfEvaluation.CanEdit(evaluation.Subject, evaluation.State, r), "填报自评表");
        evaluation.Fill(actor, input, await WeightsAsync(db, evaluation.RegionCode, evaluation.FiscalYear, ct), nowUtc);
        await CommitAsync(db, ct);
        return evaluation;
    }
}
