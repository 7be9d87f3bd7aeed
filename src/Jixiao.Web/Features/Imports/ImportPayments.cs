using Jixiao.Web.Features.Audit;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Interchange;

namespace Jixiao.Web.Features.Imports;

/// <summary>支付 rows: each document number once; payments above a project's 全年预算数 are kept and flagged.</summary>
public sealed partial class Importer
{
    private async Task<Counts> PaymentsAsync(ImportBatch batch, List<SheetRow> data, HeaderMap header, ImportIssues issues, CancellationToken ct)
    {
        var projects = await db.Projects.AsNoTracking().Where(p => p.RegionCode == batch.RegionCode && p.FiscalYear == batch.FiscalYear).ToDictionaryAsync(p => p.Code, ct);
        var existing = await db.Payments.AsNoTracking().Where(p => p.RegionCode == batch.RegionCode && p.FiscalYear == batch.FiscalYear)
            .Select(p => new { p.DocumentNo, p.ProjectId, p.Amount, p.Date }).ToListAsync(ct);
        var known = existing.ToDictionary(p => p.DocumentNo);
        var holds = (await db.PaymentHolds.AsNoTracking().Where(h => h.RegionCode == batch.RegionCode && h.FiscalYear == batch.FiscalYear).ToListAsync(ct))
            .ToLookup(h => h.ProjectId);
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
                var payment = Payment.Create(project, date, amount, document, summary);
                if (PaymentHold.Refusal(holds[project.Id], project.Name, date) is { } held)
                {
                    r.Error("date", held);
                    continue;
                }
                created.Add(payment);
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
