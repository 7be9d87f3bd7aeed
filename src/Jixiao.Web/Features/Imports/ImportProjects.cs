using Jixiao.Domain.Budget;
using Jixiao.Domain.Interchange;
using Jixiao.Domain.Organisation;

namespace Jixiao.Web.Features.Imports;

/// <summary>项目库 rows: creates the region-year's projects and updates changed ones (a row that changes nothing is counted unchanged).</summary>
public sealed partial class Importer
{
    private async Task<Counts> ProjectsAsync(ImportBatch batch, List<SheetRow> data, HeaderMap header, ImportIssues issues, CancellationToken ct)
    {
        var orgs = await db.OrgUnits.Where(o => o.RegionCode == batch.RegionCode).ToDictionaryAsync(o => o.Code, ct);
        var existing = await db.Projects.Where(p => p.RegionCode == batch.RegionCode && p.FiscalYear == batch.FiscalYear).ToDictionaryAsync(p => p.Code, ct);
        var counts = new Counts();
        var seen = new Dictionary<string, int>();
        var planned = new List<(RowReader Row, Project? Current, OrgUnit Unit, long? Department, Project.Details Details, bool IsPool, string ParentCode)>();

        foreach (var row in data)
        {
            var r = new RowReader(row, header, issues);
            var code = r.Code("code", true, 40);
            var name = r.Text("name", true, 200);
            var unitCode = r.Code("unit", true, 32);
            var departmentCode = r.Code("department", false, 32);
            var level = r.Choice("level", Choices.Level, ProjectLevel.Level1);
            var parentCode = r.Code("parent", false, 40);
            var category = r.Choice("category", Choices.Category, ProjectCategory.SpecificPurpose);
            var recurrence = r.Choice("recurrence", Choices.Recurrence, Recurrence.Recurring);
            var start = r.Year("start");
            var end = r.Year("end");
            var status = r.Choice("status", Choices.Status, LibraryStatus.Reserve);
            var budgetKind = r.Choice("budgetKind", Choices.BudgetKind, BudgetKind.General);
            var transfer = r.Choice("transfer", Choices.Transfer, TransferLevel.None, required: false);
            var isPool = r.Choice("pool", Choices.YesNo, false, required: false);
            var established = r.Date("established");
            var requested = r.OptionalAmount("requested");
            var majorPolicy = r.Choice("majorPolicy", Choices.YesNo, false, required: false);
            var tags = FundTags.None;
            foreach (var word in CellText.Normalize(r.Raw("tags")).Split(['、', ',', ';', '；', '/', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                if (Choices.Tag.TryGetValue(word, out var tag)) tags |= tag;
                else r.Error("tags", $"“{word}”不是有效的资金标签，可选：地方政府债券、PPP、政府购买服务、上年结转、专项资金。");
            }

            if (code.Length > 0 && !seen.TryAdd(code, row.Number))
                r.Error("code", $"项目代码“{code}”在第 {seen[code]} 行已出现，同一文件中不能重复。");
            OrgUnit? unit = null;
            if (unitCode.Length > 0 && !orgs.TryGetValue(unitCode, out unit))
                r.Error("unit", $"单位代码“{unitCode}”在本区划不存在，请先在“机构”中维护该单位，或核对代码。");
            long? department = null;
            if (departmentCode.Length > 0)
            {
                if (!orgs.TryGetValue(departmentCode, out var dept) || dept.Kind != OrgKind.Department)
                    r.Error("department", $"主管部门代码“{departmentCode}”在本区划不存在或不是部门。");
                else if (unit is not null && unit.ParentId != dept.Id)
                    r.Error("department", $"单位“{unit.Name}”不隶属于部门“{dept.Name}”。");
                else department = dept.Id;
            }
            if (r.Failed || unit is null) continue;
            var details = new Project.Details(code, name, level, category, recurrence, start, end, status, budgetKind, transfer, tags, established, requested, majorPolicy);
            planned.Add((r, existing.GetValueOrDefault(code), unit, department, details, isPool, parentCode));
        }

        // Parents first, so a 二级 project can point at a 一级 project created by the same file. Planning
        // validates against stand-ins; Apply creates level by level so parents have ids before children.
        var byCode = new Dictionary<string, Project>(existing);
        var creates = new List<(Project.Details Details, OrgUnit Unit, long? Department, bool IsPool, string ParentCode)>();
        var updates = new List<(Project Current, Project.Details Details, string ParentCode)>();
        foreach (var (r, current, unit, department, details, isPool, parentCode) in planned.OrderBy(p => p.Details.Level))
        {
            Project? parent = null;
            if (parentCode.Length > 0 && !byCode.TryGetValue(parentCode, out parent))
            {
                r.Error("parent", $"上级项目代码“{parentCode}”不存在：请先导入上级项目，或把它放在同一文件中。");
                continue;
            }
            try
            {
                var checkedProject = Project.Create(batch.RegionCode, batch.FiscalYear, unit, department, details, isPool, parent);
                if (current is null)
                {
                    byCode[details.Code] = checkedProject;
                    creates.Add((details, unit, department, isPool, parentCode));
                    counts.Created++;
                }
                else if (current.OrgUnitId != unit.Id || current.IsPool != isPool)
                {
                    r.Error("unit", $"项目“{details.Code}”已登记在另一单位（或待分资金属性不同），不能通过导入改变归属。");
                }
                else if (SameDetails(current, details, parent))
                {
                    counts.Unchanged++;
                }
                else
                {
                    updates.Add((current, details, parentCode));
                    counts.Updated++;
                }
            }
            catch (DomainException e)
            {
                r.Error(FieldKey(e.Field), e.Message);
            }
        }

        counts.Apply = async ct2 =>
        {
            var saved = new Dictionary<string, Project>(existing);
            Project? ParentOf(string code) => code.Length == 0 ? null : saved[code];
            foreach (var level in creates.Select(c => c.Details.Level).Distinct().Order())
            {
                foreach (var c in creates.Where(c => c.Details.Level == level))
                {
                    var project = Project.Create(batch.RegionCode, batch.FiscalYear, c.Unit, c.Department, c.Details, c.IsPool, ParentOf(c.ParentCode));
                    saved[c.Details.Code] = project;
                    db.Projects.Add(project);
                }
                await db.SaveChangesAsync(ct2);
            }
            foreach (var (current, details, parentCode) in updates) current.Update(details, ParentOf(parentCode));
        };
        return counts;
    }

    private static string FieldKey(string? field) => field switch
    {
        "项目编码" => "code",
        "项目名称" => "name",
        "起止年度" => "start",
        "上级项目" => "parent",
        _ => "unit",
    };

    private static bool SameDetails(Project p, Project.Details d, Project? parent) =>
        p.Name == d.Name && p.Level == d.Level && p.Category == d.Category && p.Recurrence == d.Recurrence
        && p.StartYear == d.StartYear && p.EndYear == d.EndYear && p.Status == d.Status && p.BudgetKind == d.BudgetKind
        && p.Transfer == d.Transfer && p.Tags == d.Tags && p.EstablishedOn == d.EstablishedOn && p.ParentId == parent?.Id
        && p.RequestedAmount == d.RequestedAmount && p.MajorPolicy == d.MajorPolicy;
}
