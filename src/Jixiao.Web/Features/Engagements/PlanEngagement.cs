using Jixiao.Domain.Engagements;
using Jixiao.Domain.Organisation;

namespace Jixiao.Web.Features.Engagements;

/// <summary>One thing an engagement covers: a project (by id), a department (by id), or a policy (its name and lead department).</summary>
public sealed record SubjectInput(SubjectKind Kind, long? ProjectId, long? OrgUnitId, string? Name);

/// <summary>A stage of the deliverables with its due date.</summary>
public sealed record StageInput(string Name, DateOnly DueOn);

/// <summary>
/// A 委托 to plan. <see cref="Code"/> empty: the next 委托编号 of the year (WT-2026-007). <see cref="Stages"/> empty: the stages of the
/// region-year's settings (by default 评价方案 → 现场核查 → 报告初稿 → 报告终稿) due at even steps between the start and the due date.
/// </summary>
public sealed record EngagementInput(int FiscalYear, string? Code, string Title, EngagementScope Scope, IReadOnlyList<SubjectInput> Subjects,
    string? ContractNo, decimal Fee, ProcurementMethod Procurement, DateOnly StartOn, DateOnly DueOn, IReadOnlyList<StageInput>? Stages);

public static partial class EngagementWork
{
    public static async Task<Engagement> PlanAsync(JixiaoDbContext db, CurrentUser user, EngagementInput input, DateTime nowUtc, CancellationToken ct)
    {
        RequireKeeper(user, "委托第三方机构");
        FiscalYears.EnsureValid(input.FiscalYear);
        var region = user.RegionCode ?? "";
        var subjects = new List<EngagementSubject>();
        foreach (var (s, i) in (input.Subjects ?? []).Select((s, i) => (s, i + 1)))
            subjects.Add(await SubjectAsync(db, region, s, i, ct));
        var code = input.Code is { Length: > 0 } given ? given.Trim() : await NextCodeAsync(db, region, input.FiscalYear, ct);
        if (await db.Engagements.AnyAsync(e => e.RegionCode == region && e.FiscalYear == input.FiscalYear && e.Code == code, ct))
            throw new DomainException($"{input.FiscalYear} 年度已有委托编号为“{code}”的委托，请换一个编号（留空则自动编号）。", "委托编号");
        var stages = input.Stages is { Count: > 0 } planned
            ? planned.Select(s => (s.Name?.Trim() ?? "", s.DueOn)).ToList()
            : EvenlyDue((await SettingAsync(db, region, input.FiscalYear, ct))?.StagePlan ?? StagePlan.Default, input.StartOn, input.DueOn);
        foreach (var (name, _) in stages)
            if (name.Length is 0 or > 20) throw new DomainException($"阶段名称“{name}”应为 1–20 个字。", "阶段");
        var engagement = Engagement.Plan(region, input.FiscalYear, code, input.Title, input.Scope, subjects, input.ContractNo, input.Fee, input.Procurement,
            input.StartOn, input.DueOn, stages, nowUtc);
        db.Engagements.Add(engagement);
        await Saves.SaveAsync(db, ct);
        return engagement;
    }

    /// <summary>The stages due at even steps from the start to the due date, the last on the due date.</summary>
    public static List<(string, DateOnly)> EvenlyDue(IReadOnlyList<string> names, DateOnly start, DateOnly due)
    {
        var days = Math.Max(0, due.DayNumber - start.DayNumber);
        return names.Select((n, i) => (n, start.AddDays(days * (i + 1) / names.Count))).ToList();
    }

    private static async Task<string> NextCodeAsync(JixiaoDbContext db, string region, int year, CancellationToken ct)
    {
        var count = await db.Engagements.CountAsync(e => e.RegionCode == region && e.FiscalYear == year, ct);
        return $"WT-{year}-{count + 1:000}";
    }

    /// <summary>One subject as given, checked against the region's projects and departments (engagements and panels cover the same things).</summary>
    internal static async Task<EngagementSubject> SubjectAsync(JixiaoDbContext db, string region, SubjectInput s, int row, CancellationToken ct)
    {
        switch (s.Kind)
        {
            case SubjectKind.Project:
                var project = await db.Projects.AsNoTracking().Where(p => p.Id == s.ProjectId && p.RegionCode == region)
                                  .Select(p => new { p.Id, p.Name, p.OrgUnitId }).SingleOrDefaultAsync(ct)
                              ?? throw new DomainException($"第 {row} 个评价对象：项目编号 {s.ProjectId} 不是本区划的项目，请从项目库中选择。", "评价对象");
                return EngagementSubject.Of(SubjectKind.Project, project.Id, project.OrgUnitId, project.Name);
            case SubjectKind.Department or SubjectKind.Policy:
                var department = await db.OrgUnits.AsNoTracking().Where(o => o.Id == s.OrgUnitId && o.RegionCode == region && o.Kind == OrgKind.Department)
                                     .Select(o => new { o.Id, o.Name }).SingleOrDefaultAsync(ct)
                                 ?? throw new DomainException(
                                     $"第 {row} 个评价对象：{(s.Kind == SubjectKind.Policy ? "政策的牵头部门" : "部门")}编号 {s.OrgUnitId} 不是本区划的部门，请从列表中选择。", "评价对象");
                return EngagementSubject.Of(s.Kind, null, department.Id, s.Kind == SubjectKind.Policy ? s.Name ?? "" : department.Name);
            default:
                throw new DomainException($"第 {row} 个评价对象：类型应为项目、部门整体或政策。", "评价对象");
        }
    }
}
