using Jixiao.Domain.Organisation;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Workflow;

namespace Jixiao.Web.Features.Printing;

/// <summary>What a review step means for the stamps of a printed form.</summary>
public enum StepEffect
{
    /// <summary>提交: the filler's box is stamped.</summary>
    Submits,
    /// <summary>审核通过: the reviewer's box is stamped.</summary>
    Approves,
    /// <summary>退回, 不通过, 申请调整: the chain starts again, earlier stamps no longer stand.</summary>
    Restarts,
    /// <summary>Anything else (财政完善): no stamp.</summary>
    None,
}

/// <summary>One step of a form's chain as the stamps read it.</summary>
public sealed record StampedStep(int Seq, StepEffect Effect, Role Role, long? UserId, string UserName, DateTime AtUtc, string Opinion);

/// <summary>
/// One box at the foot of a printed form (填报单位（盖章）, 主管部门审核意见 …): empty until its step is done, then the
/// organisation, what was done, by whom (display name) and on which day (Beijing).
/// </summary>
public sealed record Stamp(string Caption, string? Org, string? Done, string? Signer, DateOnly? Date, string Opinion)
{
    public bool IsStamped => Date is not null;
}

/// <summary>The foot of a printed form: its stamps, its state and the time it was printed (Beijing).</summary>
public sealed record SheetFoot(IReadOnlyList<Stamp> Stamps, string State, DateTime PrintedAt);

/// <summary>A form's content as printed, with its department (主管部门) and its foot.</summary>
public sealed record PrintedForm<TForm>(TForm Form, string Department, SheetFoot Foot);

public static class Stamps
{
    /// <summary>The name of a form's department (主管部门), read past the scope filters as the form's own heading; empty without one.</summary>
    public static async Task<string> DepartmentAsync(JixiaoDbContext db, long? departmentId, CancellationToken ct) =>
        departmentId is { } id
            ? await db.OrgUnits.IgnoreQueryFilters().Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? ""
            : "";

    private sealed record Box(string Caption, Role Role, StepEffect Effect, string Done);

    /// <summary>
    /// The stamps of the chain's current pass (after the last return): the filler's submission, then each reviewer's approval
    /// (DOMAIN.md §4.2–4.4). A project form has the unit and its department; a department's own form starts with the department.
    /// Names and organisations of the actors are read past the scope filters: a unit sees who at the finance bureau approved its form,
    /// though it cannot list the bureau's accounts.
    /// </summary>
    /// <param name="filler">the filling unit (or department) as the form names it</param>
    /// <param name="state">the form's state as its page shows it</param>
    public static async Task<SheetFoot> FootAsync(JixiaoDbContext db, TargetSubject subject, string filler, string state,
        IEnumerable<StampedStep> steps, DateTime nowUtc, CancellationToken ct)
    {
        var ordered = steps.OrderBy(s => s.Seq).ToList();
        var restart = ordered.LastOrDefault(s => s.Effect == StepEffect.Restarts)?.Seq ?? int.MinValue;
        var pass = ordered.Where(s => s.Seq > restart).ToList();
        Box[] boxes = subject == TargetSubject.Project
            ?
            [
                new("填报单位（盖章）", Role.UnitFiller, StepEffect.Submits, "已提交"),
                new("主管部门审核意见（盖章）", Role.DepartmentReviewer, StepEffect.Approves, "审核通过"),
                new("财政业务股室审核意见", Role.BusinessDivision, StepEffect.Approves, "审核通过"),
                new("财政绩效管理股审核意见（盖章）", Role.PerformanceDivision, StepEffect.Approves, "审核通过"),
            ]
            :
            [
                new("填报部门（盖章）", Role.DepartmentReviewer, StepEffect.Submits, "已提交"),
                new("财政业务股室审核意见", Role.BusinessDivision, StepEffect.Approves, "审核通过"),
                new("财政绩效管理股审核意见（盖章）", Role.PerformanceDivision, StepEffect.Approves, "审核通过"),
            ];
        var stamped = boxes.Select(b => (Box: b, Step: pass.LastOrDefault(s => s.Role == b.Role && s.Effect == b.Effect))).ToList();

        var userIds = stamped.Select(x => x.Step?.UserId).OfType<long>().Distinct().ToList();
        var users = await db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.OrgUnitId }).ToDictionaryAsync(u => u.Id, ct);
        var names = users.Values.Where(u => u.DisplayName.Length > 0).ToDictionary(u => u.Id, u => u.DisplayName);
        var orgIds = users.Values.Select(u => u.OrgUnitId).OfType<long>().Distinct().ToList();
        var orgs = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var parentIds = orgs.Values.Select(o => o.ParentId).OfType<long>().Distinct().ToList();
        var parents = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().Where(o => parentIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        var stamps = stamped
            // A region-year that reviews without the funding division: no empty box for a step that was never due.
            .Where(x => x.Step is not null || x.Box.Role != Role.BusinessDivision || !pass.Any(s => s.Role == Role.PerformanceDivision && s.Effect == StepEffect.Approves))
            .Select(x =>
            {
                if (x.Step is not { } step) return new Stamp(x.Box.Caption, x.Box.Effect == StepEffect.Submits ? filler : null, null, null, null, "");
                var user = step.UserId is { } id ? users.GetValueOrDefault(id) : null;
                var org = user?.OrgUnitId is { } orgId ? orgs.GetValueOrDefault(orgId) : null;
                var orgName = x.Box.Effect == StepEffect.Submits ? filler
                    : org is null ? null
                    : org.Kind == OrgKind.Division && org.ParentId is { } parent && parents.TryGetValue(parent, out var bureau) ? bureau + org.Name
                    : org.Name;
                return new Stamp(x.Box.Caption, orgName, x.Box.Done, names.Name(step.UserId, step.UserName), BusinessCalendar.DateOf(step.AtUtc), step.Opinion);
            })
            .ToList();
        return new SheetFoot(stamps, state, BusinessCalendar.ToBeijing(nowUtc));
    }
}
