using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Monitoring;

namespace Jixiao.Web.Features.Evaluations;

/// <summary>评分设置: the region-year's weights saved, and the forms not yet finally approved refigured by them.</summary>
public static partial class EvaluationWork
{
    /// <summary>
    /// Keeps the region-year's settings and refigures its forms with them in the same transaction, so no form shows
    /// scores of the old settings once the new ones are saved.
    /// </summary>
    public static async Task<WeightsSaved> SetWeightsAsync(JixiaoDbContext db, CurrentUser user, int year, EvaluationWeights weights, DateTime nowUtc,
        CancellationToken ct)
    {
        var region = RoundWork.RegionOf(user);
        FiscalYears.EnsureValid(year);
        var setting = await db.EvaluationWeights.SingleOrDefaultAsync(s => s.RegionCode == region && s.FiscalYear == year, ct);
        if (setting is null)
        {
            setting = EvaluationWeightSetting.Create(region, year);
            db.EvaluationWeights.Add(setting);
        }
        setting.Set(weights, nowUtc);
        await using var transaction = await db.OwnTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var refigured = await RefigureFormsAsync(db, region, year, setting.Weights, nowUtc, ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return new WeightsSaved(setting.Weights, refigured);
    }

    /// <summary>
    /// 重新计算: every form of the region-year not yet approved gets the ledger's year-end A and B (after back-dated
    /// imports or adjustments) and the current settings; its reference scores and findings are computed again. Forms
    /// approved by finance keep what was approved. All or nothing.
    /// </summary>
    public static async Task<EvaluationsRefigured> RefigureAsync(JixiaoDbContext db, CurrentUser user, int year, DateTime nowUtc, CancellationToken ct)
    {
        var region = RoundWork.RegionOf(user);
        return await RefigureRegionAsync(db, region, year, nowUtc, ct);
    }

    /// <summary>The same refigure for a region named by the caller (the <c>refigure</c> CLI verb, run as the system after
    /// the scoring rules changed).</summary>
    public static async Task<EvaluationsRefigured> RefigureRegionAsync(JixiaoDbContext db, string region, int year, DateTime nowUtc, CancellationToken ct)
    {
        FiscalYears.EnsureValid(year);
        var weights = await WeightsAsync(db, region, year, ct);
        await using var transaction = await db.OwnTransactionAsync(ct);
        var refigured = await RefigureFormsAsync(db, region, year, weights, nowUtc, ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return refigured;
    }

    /// <remarks>
    /// Most refigures change few forms (a back-dated payment moves one project's B), so every form is first scored as
    /// read, untracked, slice by slice — the next slice is read while this one is scored; only the forms that changed
    /// are then read again tracked, scored again and saved with their audit.
    /// </remarks>
    private static async Task<EvaluationsRefigured> RefigureFormsAsync(JixiaoDbContext db, string region, int year, EvaluationWeights weights,
        DateTime nowUtc, CancellationToken ct)
    {
        var funds = await YearFundsAsync(db, region, year, ct);
        var none = new EvaluationFunds(0, 0, 0);
        EvaluationFunds FundsOf(SelfEvaluation form) => (form.Subject == TargetSubject.Project
            ? funds.ByProject.GetValueOrDefault(form.ProjectId!.Value)
            : funds.ByDepartment.GetValueOrDefault(form.OrgUnitId)) ?? none;
        var open = db.SelfEvaluations.WithRowsAndFindings()
            .Where(e => e.RegionCode == region && e.FiscalYear == year && e.State != FormState.Approved);

        var forms = 0;
        var toSave = new List<long>();
        // In slices, so a county's thousands of forms and their rows are never all held at once.
        Task<List<SelfEvaluation>> SliceAfter(long id) => open.AsNoTracking().Where(e => e.Id > id).OrderBy(e => e.Id).Take(1_000).ToListAsync(ct);
        var slice = await SliceAfter(0);
        while (slice.Count > 0)
        {
            var scored = slice;
            var next = SliceAfter(scored[^1].Id);
            var scoring = Task.Run(() => scored.Where(f => f.Refigure(FundsOf(f), weights, nowUtc)).Select(f => f.Id).ToList(), ct);
            await Task.WhenAll(next, scoring);   // both, even when one fails: the context is never left mid-query
            toSave.AddRange(scoring.Result);
            forms += scored.Count;
            slice = next.Result;
        }

        var changed = 0;
        foreach (var ids in toSave.Chunk(500))
        {
            foreach (var form in await open.Where(e => ids.Contains(e.Id)).ToListAsync(ct))
                if (form.Refigure(FundsOf(form), weights, nowUtc)) changed++;
            await CommitAsync(db, ct);
            db.ChangeTracker.Clear();
        }
        var approved = await db.SelfEvaluations.CountAsync(e => e.RegionCode == region && e.FiscalYear == year && e.State == FormState.Approved, ct);
        return new EvaluationsRefigured(year, forms, changed, approved);
    }
}
