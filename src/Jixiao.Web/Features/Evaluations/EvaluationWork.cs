using Jixiao.Domain;
using Jixiao.Domain.Access;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Jixiao.Web.Features.Monitoring;
using Jixiao.Web.Features.Shared;
using Jixiao.Web.Features.Workflow;
using Microsoft.EntityFrameworkCore;

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
public static class EvaluationWork
{
    public static async Task<EvaluationWeights> WeightsAsync(JixiaoDbContext db, string regionCode, int year, CancellationToken ct) =>
        (await db.EvaluationWeights.AsNoTracking().SingleOrDefaultAsync(s => s.RegionCode == regionCode && s.FiscalYear == year, ct))?.Weights
        ?? EvaluationWeights.Defaults;

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

    /// <summary>The year-end figures of every budgeted project with money in the year, and of each department (its projects summed).</summary>
    private sealed record YearFunds(IReadOnlyList<Project> Projects, IReadOnlyDictionary<long, EvaluationFunds> ByProject,
        IReadOnlyDictionary<long, EvaluationFunds> ByDepartment);

    private static async Task<YearFunds> YearFundsAsync(JixiaoDbContext db, string region, int year, CancellationToken ct)
    {
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.RegionCode == region && p.FiscalYear == year && !p.IsPool && p.Status == LibraryStatus.Budgeted)
            .ToListAsync(ct);
        var totals = await db.ProjectTotals.AsNoTracking().Where(t => t.RegionCode == region && t.FiscalYear == year)
            .ToDictionaryAsync(t => t.ProjectId, t => new EvaluationFunds(t.Initial, t.Adjusted, t.Executed), ct);
        var budgeted = projects.Where(p => totals.GetValueOrDefault(p.Id)?.AdjustedBudget > 0).ToList();
        var byDepartment = budgeted.Where(p => p.DepartmentId is not null).GroupBy(p => p.DepartmentId!.Value)
            .ToDictionary(g => g.Key, g => new EvaluationFunds(g.Sum(p => totals[p.Id].InitialBudget), g.Sum(p => totals[p.Id].AdjustedBudget),
                g.Sum(p => totals[p.Id].Executed)));
        return new YearFunds(budgeted, budgeted.ToDictionary(p => p.Id, p => totals[p.Id]), byDepartment);
    }

    /// <summary>
    /// 下达自评任务 after the year: every budgeted project with money in the year (年初, 追加, 待分资金分配 alike) and
    /// approved targets gets its 自评表, prefilled with 年初预算数, 全年预算数 and 全年执行数 from the ledger and the
    /// indicators of the approved targets; every department with approved overall targets gets one too. Issuing
    /// again adds what is new (targets approved since) and leaves existing forms alone.
    /// </summary>
    public static async Task<EvaluationsIssued> IssueAsync(JixiaoDbContext db, CurrentUser user, int year, DateTime nowUtc, CancellationToken ct)
    {
        var region = RoundWork.RegionOf(user);
        FiscalYears.EnsureValid(year);
        var today = BusinessCalendar.DateOf(nowUtc);
        if (today <= new DateOnly(year, 12, 31))
            throw new DomainException($"{year} 年度尚未结束（今天 {today:yyyy-MM-dd}）：单位自评在年度结束后开展。", "年度");
        var weights = await WeightsAsync(db, region, year, ct);
        var funds = await YearFundsAsync(db, region, year, ct);
        var approved = await db.Targets.AsNoTracking().Include(t => t.Indicators)
            .Where(t => t.RegionCode == region && t.FiscalYear == year && t.State == TargetState.Approved)
            .ToListAsync(ct);
        var issued = (await db.SelfEvaluations.AsNoTracking().Where(e => e.RegionCode == region && e.FiscalYear == year)
            .Select(e => e.TargetId).ToListAsync(ct)).ToHashSet();
        var byProject = approved.Where(t => t.ProjectId is not null).ToDictionary(t => t.ProjectId!.Value);

        int created = 0, already = 0, withoutTargets = 0;
        var amountWithout = 0m;
        foreach (var project in funds.Projects)
        {
            var figures = funds.ByProject[project.Id];
            if (!byProject.TryGetValue(project.Id, out var target))
            {
                withoutTargets++;
                amountWithout += figures.AdjustedBudget;
                continue;
            }
            if (issued.Contains(target.Id)) { already++; continue; }
            db.SelfEvaluations.Add(SelfEvaluation.ForProject(project, target, figures, weights, nowUtc));
            created++;
        }
        var departmentTargets = approved.Where(t => t.Subject == TargetSubject.Department).ToList();
        var departmentOrgs = await db.OrgUnits.AsNoTracking().Where(o => departmentTargets.Select(t => t.OrgUnitId).Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var createdDepartments = 0;
        foreach (var target in departmentTargets)
        {
            if (issued.Contains(target.Id)) { already++; continue; }
            db.SelfEvaluations.Add(SelfEvaluation.ForDepartment(departmentOrgs[target.OrgUnitId], year, target,
                funds.ByDepartment.GetValueOrDefault(target.OrgUnitId) ?? new EvaluationFunds(0, 0, 0), weights, nowUtc));
            createdDepartments++;
        }
        await CommitAsync(db, ct);
        return new EvaluationsIssued(year, created, createdDepartments, already, withoutTargets, amountWithout);
    }

    public static Task<SelfEvaluation?> FindAsync(JixiaoDbContext db, long id, CancellationToken ct) =>
        db.SelfEvaluations.WithRowsAndFindings().Include(e => e.Steps).SingleOrDefaultAsync(e => e.Id == id, ct);

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

    public static async Task<SelfEvaluation?> ActAsync(JixiaoDbContext db, CurrentUser user, long id, FormAction action, string? opinion, DateTime nowUtc,
        CancellationToken ct)
    {
        var evaluation = await FindAsync(db, id, ct);
        if (evaluation is null) return null;
        var actor = ActingRole.Pick(user, r => ReviewChains.SelfEvaluation.Allows(evaluation.Subject, evaluation.State, action, r), action.Label() + "自评表");
        var divisionStep = await WorkflowWork.DivisionStepAsync(db, evaluation.RegionCode, evaluation.FiscalYear, ct);
        switch (action)
        {
            case FormAction.Submit:
                evaluation.Submit(actor, await WeightsAsync(db, evaluation.RegionCode, evaluation.FiscalYear, ct), divisionStep, nowUtc);
                break;
            case FormAction.Approve: evaluation.Approve(actor, opinion, divisionStep, nowUtc); break;
            case FormAction.Return: evaluation.Return(actor, opinion, nowUtc); break;
            default: throw new DomainException($"“{action}”不是自评表的动作。", "动作");
        }
        await CommitAsync(db, ct);
        return evaluation;
    }

    /// <summary>批量审核通过 / 退回: the single action on each form, one opinion for all.</summary>
    public static Task<BatchResult> BatchAsync(JixiaoDbContext db, CurrentUser user, FormAction action, BatchRequest request, DateTime nowUtc,
        CancellationToken ct) => action is FormAction.Approve or FormAction.Return
        ? FormBatch.RunAsync(db, request, action == FormAction.Approve ? "通过" : "退回",
            async id => await ActAsync(db, user, id, action, request.Opinion, nowUtc, ct) is not null,
            ids => EvaluationQueries.NamesAsync(db, ids, ct))
        : throw new DomainException($"批量办理只能审核通过或退回修改，不能{action.Label()}。", "动作");

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
