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
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Evaluations;

/// <summary>What issuing a year's self-evaluation did, and the budgeted projects it could not cover yet.</summary>
public sealed record EvaluationsIssued(int Year, int Projects, int Departments, int AlreadyIssued, int WithoutApprovedTargets, decimal AmountWithoutTargets);

/// <summary>
/// Self-evaluation handlers shared by the pages and the API: the year's tasks (全覆盖), filling with findings,
/// the review chain. Every read goes through the scoped context.
/// </summary>
public static class EvaluationWork
{
    public static async Task<EvaluationWeights> WeightsAsync(JixiaoDbContext db, string regionCode, int year, CancellationToken ct) =>
        (await db.EvaluationWeights.AsNoTracking().SingleOrDefaultAsync(s => s.RegionCode == regionCode && s.FiscalYear == year, ct))?.Weights
        ?? EvaluationWeights.Defaults;

    public static async Task<EvaluationWeights> SetWeightsAsync(JixiaoDbContext db, CurrentUser user, int year, EvaluationWeights weights, DateTime nowUtc,
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
        await db.SaveChangesAsync(ct);
        return setting.Weights;
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
        var today = RoundWork.BeijingToday(nowUtc);
        if (today <= new DateOnly(year, 12, 31))
            throw new DomainException($"{year} 年度尚未结束（今天 {today:yyyy-MM-dd}）：单位自评在年度结束后开展。", "年度");
        var weights = await WeightsAsync(db, region, year, ct);

        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.RegionCode == region && p.FiscalYear == year && !p.IsPool && p.Status == LibraryStatus.Budgeted)
            .ToListAsync(ct);
        var totals = await db.ProjectTotals.AsNoTracking().Where(t => t.RegionCode == region && t.FiscalYear == year)
            .ToDictionaryAsync(t => t.ProjectId, t => new EvaluationFunds(t.Initial, t.Adjusted, t.Executed), ct);
        var approved = await db.Targets.AsNoTracking().Include(t => t.Indicators)
            .Where(t => t.RegionCode == region && t.FiscalYear == year && t.State == TargetState.Approved)
            .ToListAsync(ct);
        var issued = (await db.SelfEvaluations.AsNoTracking().Where(e => e.RegionCode == region && e.FiscalYear == year)
            .Select(e => e.TargetId).ToListAsync(ct)).ToHashSet();
        var byProject = approved.Where(t => t.ProjectId is not null).ToDictionary(t => t.ProjectId!.Value);

        int created = 0, already = 0, withoutTargets = 0;
        var amountWithout = 0m;
        var departments = new Dictionary<long, EvaluationFunds>();
        foreach (var project in projects)
        {
            var funds = totals.GetValueOrDefault(project.Id) ?? new EvaluationFunds(0, 0, 0);
            if (funds.AdjustedBudget <= 0) continue;
            if (project.DepartmentId is { } d)
            {
                var sum = departments.GetValueOrDefault(d) ?? new EvaluationFunds(0, 0, 0);
                departments[d] = new EvaluationFunds(sum.InitialBudget + funds.InitialBudget, sum.AdjustedBudget + funds.AdjustedBudget, sum.Executed + funds.Executed);
            }
            if (!byProject.TryGetValue(project.Id, out var target))
            {
                withoutTargets++;
                amountWithout += funds.AdjustedBudget;
                continue;
            }
            if (issued.Contains(target.Id)) { already++; continue; }
            db.SelfEvaluations.Add(SelfEvaluation.ForProject(project, target, funds, weights, nowUtc));
            created++;
        }
        var departmentTargets = approved.Where(t => t.Subject == TargetSubject.Department).ToList();
        var departmentOrgs = await db.OrgUnits.AsNoTracking().Where(o => departmentTargets.Select(t => t.OrgUnitId).Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var createdDepartments = 0;
        foreach (var target in departmentTargets)
        {
            if (issued.Contains(target.Id)) { already++; continue; }
            db.SelfEvaluations.Add(SelfEvaluation.ForDepartment(departmentOrgs[target.OrgUnitId], year, target,
                departments.GetValueOrDefault(target.OrgUnitId) ?? new EvaluationFunds(0, 0, 0), weights, nowUtc));
            createdDepartments++;
        }
        await CommitAsync(db, ct);
        return new EvaluationsIssued(year, created, createdDepartments, already, withoutTargets, amountWithout);
    }

    public static Task<SelfEvaluation?> FindAsync(JixiaoDbContext db, long id, CancellationToken ct) =>
        db.SelfEvaluations.Include(e => e.Rows).Include(e => e.Steps).Include(e => e.Findings).AsSplitQuery().SingleOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>Saves what the unit wrote; the reference score and findings are recomputed and returned with the form.</summary>
    public static async Task<SelfEvaluation?> FillAsync(JixiaoDbContext db, CurrentUser user, long id, SelfEvaluationInput input, DateTime nowUtc,
        CancellationToken ct)
    {
        var evaluation = await FindAsync(db, id, ct);
        if (evaluation is null) return null;
        var actor = ActingRole.Pick(user, r => FormChain.SelfEvaluation.CanEdit(evaluation.Subject, evaluation.State, r), "填报自评表");
        evaluation.Fill(actor, input, await WeightsAsync(db, evaluation.RegionCode, evaluation.FiscalYear, ct), nowUtc);
        await CommitAsync(db, ct);
        return evaluation;
    }

    public static async Task<SelfEvaluation?> ActAsync(JixiaoDbContext db, CurrentUser user, long id, FormAction action, string? opinion, DateTime nowUtc,
        CancellationToken ct)
    {
        var evaluation = await FindAsync(db, id, ct);
        if (evaluation is null) return null;
        var actor = ActingRole.Pick(user, r => FormChain.SelfEvaluation.IsAllowed(evaluation.Subject, evaluation.State, action, r), action.Label() + "自评表");
        switch (action)
        {
            case FormAction.Submit: evaluation.Submit(actor, await WeightsAsync(db, evaluation.RegionCode, evaluation.FiscalYear, ct), nowUtc); break;
            case FormAction.Approve: evaluation.Approve(actor, opinion, nowUtc); break;
            case FormAction.Return: evaluation.Return(actor, opinion, nowUtc); break;
            default: throw new DomainException($"“{action}”不是自评表的动作。", "动作");
        }
        await CommitAsync(db, ct);
        return evaluation;
    }

    private static async Task CommitAsync(JixiaoDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("该自评表刚被他人修改或审核，请刷新后再操作。");
        }
        catch (DbUpdateException e) when (e.InnerException?.Message is { } message
                                          && (message.Contains("SelfEvaluation", StringComparison.Ordinal) || message.Contains("TargetId", StringComparison.Ordinal)))
        {
            throw new ConflictException("自评表刚被他人修改或下达，请刷新后再操作。");
        }
    }
}
