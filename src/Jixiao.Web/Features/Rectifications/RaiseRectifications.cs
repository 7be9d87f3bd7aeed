using Jixiao.Domain.Rectifications;
using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.Rectifications;

/// <summary>An item raised from one finding (problem and requirement default to what the source found) or by hand.</summary>
/// <param name="Source">the finding; null for an item raised by hand</param>
/// <param name="Basis">by hand: 问题来源 (an inspection, an audit report, a 人大 opinion, with its document number)</param>
/// <param name="ProjectCode">by hand: the project concerned (its unit answers), or none</param>
/// <param name="OrgUnitId">by hand, without a project: the responsible department or unit</param>
/// <param name="Amount">问题金额 (元); null: what the source found</param>
public sealed record RaiseRequest(SourceRef? Source, string? Problem, string? Requirement, DateOnly? Deadline, decimal? Amount = null, string? Basis = null,
    int? Year = null, string? ProjectCode = null, long? OrgUnitId = null);

/// <summary>Every finding of a container raised at once, with one requirement (or each finding's own suggestion) and one deadline.</summary>
public sealed record RectificationBatchRequest(RectificationBatch Batch, long Id, string? Requirement, DateOnly? Deadline);

/// <summary>What a batch did: the items raised, and the findings skipped because they already have one.</summary>
public sealed record RectificationBatchResult(int Found, int Raised, int Skipped, IReadOnlyList<long> Ids);

public static partial class RectificationWork
{
    public static async Task<Rectification?> RaiseAsync(JixiaoDbContext db, CurrentUser user, RaiseRequest request, DateTime nowUtc, CancellationToken ct)
    {
        var actor = Finance(user);
        var today = BusinessCalendar.DateOf(nowUtc);
        Rectification item;
        if (request.Source is { } source)
        {
            if (await RectificationSources.FindAsync(db, source, ct) is not { } finding) return null;
            if (await db.Rectifications.AsNoTracking().Where(r => r.RegionCode == finding.RegionCode && r.SourceKey == finding.Key).Select(r => (long?)r.Id)
                    .FirstOrDefaultAsync(ct) is { } existing)
                throw new ConflictException($"该问题已登记为整改事项（编号 {existing}），请在该事项上继续办理。");
            item = await RaiseAsync(db, finding, request.Problem, request.Requirement, request.Deadline, request.Amount, actor, today, nowUtc, ct);
        }
        else
            item = await RaiseByHandAsync(db, user, request, actor, today, nowUtc, ct);
        db.Rectifications.Add(item);
        await Saves.SaveAsync(db, ct);
        return item;
    }

    /// <summary>Raises an item for every finding of the container that has none yet, in one save: all or nothing.</summary>
    public static async Task<RectificationBatchResult?> RaiseBatchAsync(JixiaoDbContext db, CurrentUser user, RectificationBatchRequest request, DateTime nowUtc, CancellationToken ct)
    {
        var actor = Finance(user);
        if (await RectificationSources.BatchAsync(db, request.Batch, request.Id, ct) is not { } findings) return null;
        if (findings.Count == 0)
            throw new ConflictException(request.Batch switch
            {
                RectificationBatch.MonitoringRound => "该监控轮次没有已审核的红灯项目，无需登记整改。",
                RectificationBatch.SpotCheckDraw => "该抽查批次没有复核认定失真的自评表，无需登记整改。",
                _ => "该评价没有记录发现的问题；请先在评价页记录问题，再登记整改。",
            });
        var keys = findings.Select(f => f.Key).ToList();
        var region = findings[0].RegionCode;
        var raised = await db.Rectifications.AsNoTracking().Where(r => r.RegionCode == region && keys.Contains(r.SourceKey!)).Select(r => r.SourceKey!).ToListAsync(ct);
        var today = BusinessCalendar.DateOf(nowUtc);
        var items = new List<Rectification>();
        foreach (var (finding, row) in findings.Where(f => !raised.Contains(f.Key)).Select((f, i) => (f, i + 1)))
        {
            try
            {
                items.Add(await RaiseAsync(db, finding, null, request.Requirement, request.Deadline, null, actor, today, nowUtc, ct));
            }
            catch (DomainException e) when (e is not ForbiddenException)
            {
                throw new DomainException($"第 {row} 个问题（{finding.Title}）：{e.Message}未登记任何整改事项。", e.Field);
            }
        }
        db.Rectifications.AddRange(items);
        await Saves.SaveAsync(db, ct);
        return new RectificationBatchResult(findings.Count, items.Count, raised.Count, [.. items.Select(i => i.Id)]);
    }

    private static async Task<Rectification> RaiseAsync(JixiaoDbContext db, SourceFinding finding, string? problem, string? requirement, DateOnly? deadline,
        decimal? amount, ReviewActor actor, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var (subject, department) = await ResponsibleAsync(db, finding.OrgUnitId, ct);
        var input = new RectificationInput(finding.Ref.Source, finding.Ref.Id, finding.Key, finding.Title, finding.OrgUnitId, finding.DepartmentId ?? department,
            finding.ProjectId, string.IsNullOrWhiteSpace(problem) ? finding.Draft.Problem : problem,
            string.IsNullOrWhiteSpace(requirement) ? finding.Draft.Suggestion : requirement, deadline, amount ?? finding.Draft.Amount);
        return Rectification.Raise(finding.RegionCode, finding.FiscalYear, subject, input, actor, today, nowUtc);
    }

    private static async Task<Rectification> RaiseByHandAsync(JixiaoDbContext db, CurrentUser user, RaiseRequest request, ReviewActor actor, DateOnly today,
        DateTime nowUtc, CancellationToken ct)
    {
        long orgUnitId;
        long? projectId = null;
        string region;
        var year = request.Year ?? today.Year;
        if (year < today.Year - 5 || year > today.Year + 1)
            throw new DomainException($"年度 {year} 不在 {today.Year - 5}–{today.Year + 1} 之间，请填写问题所属的预算年度。", "年度");
        if (!string.IsNullOrWhiteSpace(request.ProjectCode))
        {
            var code = request.ProjectCode.Trim();
            var matches = await db.Projects.AsNoTracking().Where(p => p.Code == code && p.FiscalYear == year)
                .Select(p => new { p.Id, p.OrgUnitId, p.RegionCode }).Take(2).ToListAsync(ct);
            if (matches.Count > 1)
                throw new DomainException($"{year} 年度项目编码“{code}”在您权限范围内的多个区划都有，请由该区划的绩效股登记。", "项目编码");
            var project = matches.SingleOrDefault() ?? throw new DomainException($"找不到 {year} 年度项目编码“{code}”（您权限范围内）。", "项目编码");
            (orgUnitId, projectId, region) = (project.OrgUnitId, project.Id, project.RegionCode);
        }
        else
        {
            orgUnitId = request.OrgUnitId ?? throw new DomainException("请填写项目编码，或选择整改责任单位。", "责任单位");
            region = await db.OrgUnits.AsNoTracking().Where(o => o.Id == orgUnitId).Select(o => o.RegionCode).SingleOrDefaultAsync(ct)
                     ?? throw new DomainException($"责任单位 {orgUnitId} 不存在或不在您的权限范围内。", "责任单位");
        }
        if (!user.Scope.CoversRegion(region)) throw new DomainException("责任单位不在您的区划内。", "责任单位");
        var (subject, department) = await ResponsibleAsync(db, orgUnitId, ct);
        var input = new RectificationInput(RectificationSource.Manual, null, null, request.Basis ?? "", orgUnitId, department, projectId, request.Problem,
            request.Requirement, request.Deadline, request.Amount ?? 0m);
        return Rectification.Raise(region, year, subject, input, actor, today, nowUtc);
    }

    /// <summary>Finance's performance division raises, extends and withdraws.</summary>
    private static ReviewActor Finance(CurrentUser user) =>
        user.Scope.Has(Role.PerformanceDivision)
            ? new ReviewActor(user.UserId, user.UserName, Role.PerformanceDivision)
            : throw new ForbiddenException("整改事项由财政绩效股登记、延期和撤销。");
}
