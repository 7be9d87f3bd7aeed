using Jixiao.Domain.Budget;
using Jixiao.Domain.ExAnte;

namespace Jixiao.Web.Features.ExAnte;

public static partial class ExAnteWork
{
    /// <summary>
    /// The gate's word on each movement about to enter the ledger, in order (null: nothing to say): a project that needs an
    /// evaluation — listed, or by the screening rules with the amounts the ledger and the earlier movements give it — receives no
    /// 年初批复, 追加 or 分配 until its conclusion supports it, and no 年初批复 above its cap (<see cref="ExAnteGate"/>).
    /// </summary>
    public static async Task<IReadOnlyList<GateDecision?>> GateAsync(JixiaoDbContext db, string region, int year,
        IReadOnlyList<(Project Project, LedgerMovement Movement)> movements, CancellationToken ct)
    {
        var gated = movements.Where(m => ExAnteGate.Gated(m.Movement.Kind)).Select(m => m.Project).DistinctBy(p => p.Id).ToList();
        if (gated.Count == 0) return [.. movements.Select(_ => (GateDecision?)null)];
        var ids = gated.Select(p => p.Id).ToList();
        var rules = await RulesAsync(db, region, year, ct);
        var evaluations = await db.ExAnteEvaluations.AsNoTracking().Where(e => ids.Contains(e.ProjectId)).ToDictionaryAsync(e => e.ProjectId, ct);
        var previous = await PreviousAsync(db, region, year, [.. gated.Select(p => p.Code)], ct);
        var ledger = await FundedAsync(db, region, year, ids, ct);
        var decisions = new List<GateDecision?>();
        foreach (var (project, movement) in movements)
        {
            if (!ExAnteGate.Gated(movement.Kind) || project.IsPool)
            {
                decisions.Add(null);
                continue;
            }
            var (funded, initial) = ledger.GetValueOrDefault(project.Id);
            funded += movement.Amount;
            if (movement.Kind == MovementKind.InitialApproval) initial += movement.Amount;
            ledger[project.Id] = (funded, initial);
            var evaluation = evaluations.GetValueOrDefault(project.Id);
            var triggers = evaluation is null ? ExAnteScreening.Triggers(ExAnteFacts.Of(project, previous.GetValueOrDefault(project.Code), funded), rules) : [];
            decisions.Add(ExAnteGate.Decide(project, movement.Kind, movement.Amount, evaluation, triggers, initial, rules.CapMode));
        }
        return decisions;
    }
}
