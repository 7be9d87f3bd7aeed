using Jixiao.Web.Features.Audit;
using Jixiao.Domain;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Interchange;
using Jixiao.Domain.Organisation;
using Jixiao.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Imports;

/// <summary>
/// Reads a stored <see cref="ImportBatch"/>, checks every row against the database and, when asked and
/// nothing is wrong, writes everything in one transaction. Re-importing the same rows changes nothing:
/// projects are keyed by code, movements by (文件号, 项目, 类型), payments by 凭证号. A document that was
/// already imported with other content is an error, never an overwrite.
/// </summary>
public sealed class Importer(JixiaoDbContext db, IOptions<UploadLimits> limits)
{
    public async Task<ImportReport> RunAsync(ImportBatch batch, bool commit, CancellationToken ct)
    {
        var issues = new ImportIssues();
        var rows = SpreadsheetReader.Read(batch.Content, batch.FileName, limits.Value);
        var header = ImportLayout.FindHeader(rows, batch.Kind, out var unitError);
        if (header is null)
        {
            var required = ImportLayout.For(batch.Kind).Where(c => c.Required).Select(c => c.Title);
            issues.Error(0, "表头", "", $"前 20 行中没有找到{batch.Kind.Label()}表头：需要包含列 {string.Join("、", required)}。请使用导入模板。");
            return Report(batch, 0, new Counts(), issues, false);
        }
        if (unitError is not null) issues.Error(header.RowIndex + 1, "表头", "", unitError);

        var data = rows.Skip(header.RowIndex + 1).Where(r => !r.IsEmpty && !IsTotalRow(r)).ToList();
        if (data.Count == 0)
            issues.Error(header.RowIndex + 1, "表头", "", "表头下面没有数据行。");

        var counts = batch.Kind switch
        {
            ImportKind.Projects => await ProjectsAsync(batch, data, header, issues, ct),
            ImportKind.Movements => await MovementsAsync(batch, data, header, issues, ct),
            _ => await PaymentsAsync(batch, data, header, issues, ct),
        };

        var committed = false;
        if (commit && !issues.HasErrors)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await counts.Apply(ct);
                batch.Status = ImportStatus.Committed;
                batch.Summary = Report(batch, data.Count, counts, issues, true).Summary;
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch (Exception e) when (SaveConflicts.UniqueKey(db.Model, e) is not null)
            {
                // Another import wrote the same code / 文件号 / 凭证号 between our check and our write.
                db.ChangeTracker.Clear();
                throw new ConflictException($"另一次导入刚刚写入了本文件中的部分{batch.Kind.Label()}（相同的项目代码、文件号或凭证号），本次未写入任何数据。请重新上传：已导入的行会显示为“未变化”。");
            }
            committed = true;
        }
        else
        {
            db.ChangeTracker.Clear();
        }
        return Report(batch, data.Count, counts, issues, committed);
    }

    private static ImportReport Report(ImportBatch batch, int rows, Counts counts, ImportIssues issues, bool committed) =>
        new(batch.Id, batch.Kind, batch.FileName, rows, counts.Created, counts.Updated, counts.Unchanged, issues.ForReport(), committed);

    private static bool IsTotalRow(SheetRow row) =>
        row.Cells.Take(3).Select(c => CellText.Normalize(c).Replace(" ", "")).Any(c => c is "合计" or "总计" or "小计");

    /// <summary>What a plan would do, and how to do it.</summary>
    private sealed class Counts
    {
        public int Created;
        public int Updated;
        public int Unchanged;
        public Func<CancellationToken, Task> Apply = _ => Task.CompletedTask;
    }

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
            var tags = FundTags.None;
            foreach (var word in CellText.Normalize(r.Raw("tags")).Split(['、', ',', ';', '；', '/', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                if (Choices.Tag.TryGetValue(word, out var tag)) tags |= tag;
                else r.Error("tags", $"“{word}”不是有效的资金标签，可选：地方政府债券、PPP、政府购买服务、上年结转。");
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
            var details = new Project.Details(code, name, level, category, recurrence, start, end, status, budgetKind, transfer, tags, established);
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
        && p.Transfer == d.Transfer && p.Tags == d.Tags && p.EstablishedOn == d.EstablishedOn && p.ParentId == parent?.Id;

    private async Task<Counts> MovementsAsync(ImportBatch batch, List<SheetRow> data, HeaderMap header, ImportIssues issues, CancellationToken ct)
    {
        var projects = await db.Projects.Where(p => p.RegionCode == batch.RegionCode && p.FiscalYear == batch.FiscalYear).ToDictionaryAsync(p => p.Code, ct);
        var byId = projects.Values.ToDictionary(p => p.Id);
        var existing = await db.LedgerMovements.AsNoTracking().Where(m => m.RegionCode == batch.RegionCode && m.FiscalYear == batch.FiscalYear)
            .Select(m => new { m.DocumentNo, m.ProjectId, m.Kind, m.Amount, m.Date, m.CounterpartProjectId }).ToListAsync(ct);
        var known = existing.ToDictionary(m => (m.DocumentNo, m.ProjectId, m.Kind));
        var counts = new Counts();
        var seen = new Dictionary<(string, long, MovementKind), int>();
        var created = new List<LedgerMovement>();
        var pairs = existing.Select(m => (m.DocumentNo, m.Kind, m.Amount)).ToList();
        var sides = existing.Select(m => (m.DocumentNo, m.ProjectId, m.Kind, m.CounterpartProjectId)).ToHashSet();
        var createdAt = new List<(LedgerMovement Movement, RowReader Row)>();
        var firstRowOfDocument = new Dictionary<string, int>();

        foreach (var row in data)
        {
            var r = new RowReader(row, header, issues);
            var document = r.Code("document", true, 60);
            var date = r.Date("date");
            var projectCode = r.Code("project", true, 40);
            var kind = r.Choice("kind", Choices.Movement, MovementKind.Addition);
            var amount = r.Amount("amount");
            var counterpartCode = r.Code("counterpart", false, 40);
            var reason = r.Text("reason", false, 500);
            Project? project = null, counterpart = null;
            if (projectCode.Length > 0 && !projects.TryGetValue(projectCode, out project))
                r.Error("project", $"项目代码“{projectCode}”在 {batch.FiscalYear} 年度项目库中不存在，请先导入项目。");
            if (counterpartCode.Length > 0 && !projects.TryGetValue(counterpartCode, out counterpart))
                r.Error("counterpart", $"对方项目代码“{counterpartCode}”在 {batch.FiscalYear} 年度项目库中不存在。");
            if (r.Failed || project is null) continue;

            var key = (document, project.Id, kind);
            if (!seen.TryAdd(key, row.Number))
            {
                r.Error("document", $"文件号“{document}”对项目“{projectCode}”的{kind.Label()}在第 {seen[key]} 行已出现。");
                continue;
            }
            if (known.TryGetValue(key, out var old))
            {
                if (old.Amount == amount && old.Date == date && old.CounterpartProjectId == counterpart?.Id) counts.Unchanged++;
                else r.Error("document", $"文件号“{document}”已导入过（{old.Date:yyyy-MM-dd}，{Money.Format(old.Amount)} 元），本行内容不同：同一文件号不能改写，请核对或使用新的文件号。");
                continue;
            }
            try
            {
                var movement = LedgerMovement.Create(project, kind, amount, date, document, reason, counterpart);
                created.Add(movement);
                createdAt.Add((movement, r));
                sides.Add((document, project.Id, kind, counterpart?.Id));
                pairs.Add((document, kind, amount));
                firstRowOfDocument.TryAdd(document, row.Number);
                counts.Created++;
            }
            catch (DomainException e)
            {
                r.Error(e.Field switch { "日期" => "date", "对方项目" => "counterpart", "金额" => "amount", _ => "kind" }, e.Message);
            }
        }

        var unbalanced = new HashSet<string>();
        foreach (var document in pairs.Where(p => firstRowOfDocument.ContainsKey(p.DocumentNo)).GroupBy(p => p.DocumentNo))
            foreach (var problem in Ledger.CheckPairs(document))
            {
                issues.Error(firstRowOfDocument[document.Key], header.Title("document"), document.Key, problem);
                unbalanced.Add(document.Key);
            }

        // In a balanced document each side must also name the other: A 调剂转出 to B needs B 调剂转入 from A.
        foreach (var (m, r) in createdAt.Where(c => !unbalanced.Contains(c.Movement.DocumentNo)))
        {
            if (OtherSide(m.Kind) is not { } other || m.CounterpartProjectId is not { } counterpartId) continue;
            if (sides.Contains((m.DocumentNo, counterpartId, other, m.ProjectId))) continue;
            r.Error("counterpart", $"文件号“{m.DocumentNo}”中没有与本行对应的{other.Label()}：对方项目“{byId[counterpartId].Code}”应在同一文件号下有一行{other.Label()}，" +
                                   $"其对方项目代码为“{byId[m.ProjectId].Code}”。请核对两行的项目代码和对方项目代码。");
        }

        counts.Apply = ct2 => db.InsertAuditedAsync(created, ct2);
        return counts;
    }

    private static MovementKind? OtherSide(MovementKind kind) => kind switch
    {
        MovementKind.ReallocationOut => MovementKind.ReallocationIn,
        MovementKind.ReallocationIn => MovementKind.ReallocationOut,
        MovementKind.PoolAllocationOut => MovementKind.PoolAllocationIn,
        MovementKind.PoolAllocationIn => MovementKind.PoolAllocationOut,
        _ => null,
    };

    private async Task<Counts> PaymentsAsync(ImportBatch batch, List<SheetRow> data, HeaderMap header, ImportIssues issues, CancellationToken ct)
    {
        var projects = await db.Projects.AsNoTracking().Where(p => p.RegionCode == batch.RegionCode && p.FiscalYear == batch.FiscalYear).ToDictionaryAsync(p => p.Code, ct);
        var existing = await db.Payments.AsNoTracking().Where(p => p.RegionCode == batch.RegionCode && p.FiscalYear == batch.FiscalYear)
            .Select(p => new { p.DocumentNo, p.ProjectId, p.Amount, p.Date }).ToListAsync(ct);
        var known = existing.ToDictionary(p => p.DocumentNo);
        var counts = new Counts();
        var seen = new Dictionary<string, int>();
        var created = new List<Payment>();

        foreach (var row in data)
        {
            var r = new RowReader(row, header, issues);
            var document = r.Code("document", true, 60);
            var date = r.Date("date");
            var projectCode = r.Code("project", true, 40);
            var amount = r.Amount("amount");
            var summary = r.Text("summary", false, 200);
            Project? project = null;
            if (projectCode.Length > 0 && !projects.TryGetValue(projectCode, out project))
                r.Error("project", $"项目代码“{projectCode}”在 {batch.FiscalYear} 年度项目库中不存在，请先导入项目。");
            if (r.Failed || project is null) continue;
            if (!seen.TryAdd(document, row.Number))
            {
                r.Error("document", $"凭证号“{document}”在第 {seen[document]} 行已出现。");
                continue;
            }
            if (known.TryGetValue(document, out var old))
            {
                if (old.ProjectId == project.Id && old.Amount == amount && old.Date == date) counts.Unchanged++;
                else r.Error("document", $"凭证号“{document}”已导入过（{old.Date:yyyy-MM-dd}，{Money.Format(old.Amount)} 元），本行内容不同：同一凭证不能改写。");
                continue;
            }
            try
            {
                created.Add(Payment.Create(project, date, amount, document, summary));
                counts.Created++;
            }
            catch (DomainException e)
            {
                r.Error(e.Field switch { "支付日期" => "date", "支付金额" => "amount", _ => "document" }, e.Message);
            }
        }

        await WarnAboveBudgetAsync(batch, created, projects.Values.ToDictionary(p => p.Id), issues, header, data, ct);

        counts.Apply = ct2 => db.InsertAuditedAsync(created, ct2);
        return counts;
    }

    /// <summary>Payments that take a project above its 全年预算数 are allowed (the ledger may lag) but flagged.</summary>
    private async Task WarnAboveBudgetAsync(ImportBatch batch, List<Payment> created, Dictionary<long, Project> projects,
        ImportIssues issues, HeaderMap header, List<SheetRow> data, CancellationToken ct)
    {
        if (created.Count == 0) return;
        var touched = created.Select(p => p.ProjectId).Distinct().ToList();
        var budgets = await db.LedgerMovements.AsNoTracking()
            .Where(m => m.RegionCode == batch.RegionCode && m.FiscalYear == batch.FiscalYear)
            .Select(m => new { m.ProjectId, m.Kind, m.Amount }).ToListAsync(ct);
        var paid = await db.Payments.AsNoTracking()
            .Where(p => p.RegionCode == batch.RegionCode && p.FiscalYear == batch.FiscalYear)
            .GroupBy(p => p.ProjectId).Select(g => new { g.Key, Total = g.Sum(p => p.Amount) }).ToDictionaryAsync(g => g.Key, g => g.Total, ct);
        var adjusted = budgets.GroupBy(m => m.ProjectId).ToDictionary(g => g.Key,
            g => Ledger.Compute(g.Select(m => new LedgerEntry(m.Kind, m.Amount, new DateOnly(batch.FiscalYear, 1, 1), "", "")), [],
                new DateOnly(batch.FiscalYear, 12, 31), batch.FiscalYear).AdjustedBudget);
        var rowOf = new Dictionary<string, SheetRow>();
        foreach (var row in data) rowOf.TryAdd(CellText.Normalize(header.Cell(row, "document")), row);
        foreach (var group in created.GroupBy(p => p.ProjectId))
        {
            var total = paid.GetValueOrDefault(group.Key) + group.Sum(p => p.Amount);
            var budget = adjusted.GetValueOrDefault(group.Key);
            if (total <= budget) continue;
            var last = group.MaxBy(p => p.Date)!;
            var project = projects[group.Key];
            var row = rowOf[last.DocumentNo];
            issues.Warning(row.Number, header.Title("amount"), header.Cell(row, "amount"),
                $"项目“{project.Code} {project.Name}”导入后累计支付 {Money.Format(total)} 元，超过全年预算数 {Money.Format(budget)} 元，请核对指标是否已导入。");
        }
    }
}
