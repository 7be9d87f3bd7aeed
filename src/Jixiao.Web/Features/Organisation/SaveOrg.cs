using Jixiao.Domain.Organisation;

namespace Jixiao.Web.Features.Organisation;

/// <summary>Create or change an organisation (system admin). Code must stay unique within the region.</summary>
public static class SaveOrg
{
    public sealed record Command(string RegionCode, string Code, string Name, OrgKind Kind, DivisionKind? DivisionKind, long? ParentId, bool IsActive = true);

    public static async Task<OrgUnit?> CreateAsync(JixiaoDbContext db, Command command, CancellationToken ct)
    {
        if (!await db.Regions.AnyAsync(r => r.Code == command.RegionCode, ct))
            throw new DomainException($"区划“{command.RegionCode}”不存在或不在您的管理范围内。", "区划");
        OrgUnit? parent = null;
        if (command.ParentId is { } parentId)
            parent = await db.OrgUnits.SingleOrDefaultAsync(o => o.Id == parentId, ct)
                     ?? throw new DomainException("上级机构不存在或不在您的管理范围内。", "上级机构");
        await EnsureCodeFreeAsync(db, command.RegionCode, command.Code, null, ct);
        var org = OrgUnit.Create(command.RegionCode, command.Code, command.Name, command.Kind, command.DivisionKind, parent);
        db.OrgUnits.Add(org);
        await db.SaveChangesAsync(ct);
        return org;
    }

    /// <returns>null when the organisation is not visible to the user (answer 404)</returns>
    public static async Task<OrgUnit?> UpdateAsync(JixiaoDbContext db, long id, string code, string name, bool isActive, CancellationToken ct)
    {
        var org = await db.OrgUnits.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return null;
        await EnsureCodeFreeAsync(db, org.RegionCode, code, id, ct);
        org.Rename(code, name);
        if (isActive) org.Activate(); else org.Deactivate();
        await db.SaveChangesAsync(ct);
        return org;
    }

    private static async Task EnsureCodeFreeAsync(JixiaoDbContext db, string region, string code, long? self, CancellationToken ct)
    {
        var trimmed = (code ?? "").Trim();
        var clash = await db.OrgUnits
            .Where(o => o.RegionCode == region && o.Code == trimmed && o.Id != self)
            .Select(o => o.Name).FirstOrDefaultAsync(ct);
        if (clash is not null)
            throw new DomainException($"机构编码“{trimmed}”已被“{clash}”使用，请换一个编码。", "机构编码");
    }
}
