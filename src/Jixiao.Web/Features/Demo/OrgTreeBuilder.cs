using Jixiao.Domain.Organisation;

namespace Jixiao.Web.Features.Demo;

/// <summary>
/// Builds one county's finance bureau, divisions, departments, units and the division mapping for the
/// given years from the <see cref="DemoCounty"/> template, with the county's own name in every org name and its own towns.
/// </summary>
public static class OrgTreeBuilder
{
    public const string TemplateCounty = "襄垣县";

    public static async Task<Dictionary<string, OrgUnit>> BuildCountyAsync(SystemDbContext db, string regionCode, string countyName,
        IEnumerable<int> years, CancellationToken cancellationToken)
    {
        var towns = DemoCounty.TemplateTowns.Zip(DemoCounty.TownsOf(countyName)).ToList();
        // 襄垣县 and its short form (长治市生态环境局襄垣分局), then the towns
        string Name(string template) => towns.Aggregate(template.Replace(TemplateCounty, countyName, StringComparison.Ordinal)
                .Replace(TemplateCounty.TrimEnd('县'), countyName.TrimEnd('县'), StringComparison.Ordinal),
            (name, town) => name.Replace(town.First, town.Second, StringComparison.Ordinal));
        var byCode = new Dictionary<string, OrgUnit>();

        var bureau = OrgUnit.Create(regionCode, "FIN00", $"{countyName}财政局", OrgKind.FinanceBureau, null, null);
        db.OrgUnits.Add(bureau);
        foreach (var (code, name, _) in DemoCounty.Departments)
            db.OrgUnits.Add(byCode[code] = OrgUnit.Create(regionCode, code, Name(name), OrgKind.Department, null, null));
        await db.SaveChangesAsync(cancellationToken);
        byCode["FIN00"] = bureau;

        foreach (var division in DemoCounty.Divisions)
            db.OrgUnits.Add(byCode[division.Code] = OrgUnit.Create(regionCode, division.Code, division.Name, OrgKind.Division, division.Kind, bureau));
        foreach (var (code, name, units) in DemoCounty.Departments)
        {
            var department = byCode[code];
            var own = OrgUnit.Create(regionCode, code + "01", $"{department.Name}（本级）", OrgKind.Unit, null, department);
            db.OrgUnits.Add(byCode[own.Code] = own);
            foreach (var (suffix, unitName) in units)
                db.OrgUnits.Add(byCode[code + suffix] = OrgUnit.Create(regionCode, code + suffix, Name(unitName), OrgKind.Unit, null, department));
        }
        await db.SaveChangesAsync(cancellationToken);

        foreach (var year in years)
            foreach (var division in DemoCounty.Divisions)
                foreach (var department in division.Departments)
                    db.DivisionAssignments.Add(DivisionAssignment.Create(year, byCode[division.Code], byCode[department]));
        await db.SaveChangesAsync(cancellationToken);
        return byCode;
    }
}
