using Jixiao.Domain.Evaluations;

namespace Jixiao.Web.Features.Evaluations;

/// <summary>What issuing a year's self-evaluation did, and the budgeted projects it could not cover yet.</summary>
public sealed record EvaluationsIssued(int Year, int Projects, int Departments, int AlreadyIssued, int WithoutApprovedTargets, decimal AmountWithoutTargets);

/// <summary>What a refigure did: forms recomputed (not yet approved), of which changed, and the approved forms left as approved.</summary>
public sealed record EvaluationsRefigured(int Year, int Forms, int Changed, int Approved);

/// <summary>The settings as kept, and the refigure of the year's forms they caused.</summary>
public sealed record WeightsSaved(EvaluationWeights Weights, EvaluationsRefigured Refigured);

/// <summary>
/// Self-evaluation handlers shared by the pages and the API: the year's tasks (全覆盖), filling with findings,
/// the review chain. Every read goes through the scoped context.
/// </summary>
public static partial class EvaluationWork
{
    public static async Task<EvaluationWeights> WeightsAsync(JixiaoDbContext db, string regionCode, int year, CancellationToken ct) =>
        (await db.EvaluationWeights.AsNoTracking().SingleOrDefaultAsync(s => s.RegionCode == regionCode && s.FiscalYear == year, ct))?.Weights
        ?? EvaluationWeights.Defaults;

    public static Task<SelfEvaluation?> FindAsync(JixiaoDbContext db, long id, CancellationToken ct) =>
        db.SelfEvaluations.WithRowsAndFindings().Include(e => e.Steps).SingleOrDefaultAsync(e => e.Id == id, ct);

    private const string Changed = "该自评表刚被他人修改或审核，请刷新后再操作。";
    private const string Issued = "自评任务刚被他人下达，请刷新后再操作。";

    internal static readonly SaveConflicts Conflicts = new(Changed, new Dictionary<string, string>
    {
        ["PK_SelfEvaluationSteps"] = Changed,   // the step's number, taken by a reviewer who acted first
        // one form per project and per approved targets: issued by someone else at the same time
        ["IX_SelfEvaluations_ProjectId"] = Issued,
        ["IX_SelfEvaluations_TargetId"] = Issued,
    });

    private static Task CommitAsync(JixiaoDbContext db, CancellationToken ct) => Conflicts.SaveAsync(db, ct);
}
