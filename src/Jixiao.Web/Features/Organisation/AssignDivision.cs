using Jixiao.Domain.Organisation;

namespace Jixiao.Web.Features.Organisation;

/// <summary>股室归口 (system admin): a business division funds, and reviews, a department in a year — one division per department and year.</summary>
public static class AssignDivision
{
    private const string Changed = "该部门的股室归口刚被他人修改，请刷新后再操作。";

    /// <summary>Two admins assigning one department in the same year at once both find it free; the unique index keeps the first.</summary>
    internal static readonly SaveConflicts Conflicts = new(Changed, new Dictionary<string, string>
    {
        ["IX_DivisionAssignments_RegionCode_FiscalYear_DepartmentId"] = "该部门本年度刚被他人归口到业务股室，请刷新后查看，如需改归口请先在原股室移除。",
    });

    /// <returns>null when the division or the department is not visible to the user (answer 404)</returns>
    public static async Task<DivisionAssignment?> AssignAsync(JixiaoDbContext db, int year, long divisionId, long departmentId, CancellationToken ct)
    {
        var division = await db.OrgUnits.SingleOrDefaultAsync(o => o.Id == divisionId, ct);
        var department = await db.OrgUnits.SingleOrDefaultAsync(o => o.Id == departmentId, ct);
        if (division is null || department is null) return null;
        if (await db.DivisionAssignments.AnyAsync(d => d.FiscalYear == year && d.DepartmentId == departmentId, ct))
            throw new DomainException($"{year} 年度“{department.Name}”已归口其他业务股室，请先在原股室移除。", "部门");
        var assignment = DivisionAssignment.Create(year, division, department);
        db.DivisionAssignments.Add(assignment);
        await Conflicts.SaveAsync(db, ct);
        return assignment;
    }

    /// <returns>false when the division does not fund the department in the year, or they are not visible to the user (answer 404)</returns>
    public static async Task<bool> UnassignAsync(JixiaoDbContext db, int year, long divisionId, long departmentId, CancellationToken ct)
    {
        var assignment = await db.DivisionAssignments
            .SingleOrDefaultAsync(d => d.DivisionId == divisionId && d.DepartmentId == departmentId && d.FiscalYear == year, ct);
        if (assignment is null) return false;
        db.DivisionAssignments.Remove(assignment);
        await Conflicts.SaveAsync(db, ct);
        return true;
    }
}
