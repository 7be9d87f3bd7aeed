using Jixiao.Web.Features.Audit;
using Jixiao.Domain.Budget;
using Jixiao.Domain.ExAnte;
using Jixiao.Web.Features.ExAnte;

namespace Jixiao.Web.Features.Imports;

/// <summary>指标 movements (年初批复, 追加, 调减, 调剂 …): each row is one movement of the ledger; a 调剂 names its other side.</summary>
public sealed partial class Importer
{
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

        // 先评估后入库: the gate's word on each 年初批复 / 追加 / 分配 of a project that needs an ex-ante evaluation, kept in the audit trail.
        var decisions = await ExAnteWork.GateAsync(db, batch.RegionCode, batch.FiscalYear, [.. createdAt.Select(c => (byId[c.Movement.ProjectId], c.Movement))], ct);
        for (var i = 0; i < createdAt.Count; i++)
        {
            if (decisions[i] is not { } decision) continue;
            var (m, r) = createdAt[i];
            if (decision.Verdict == GateVerdict.Refuse) r.Error("project", decision.Message);
            else if (decision.Verdict == GateVerdict.Warn) r.Warning("amount", decision.Message);
            counts.GateEvents.Add((m.ProjectId, decision));
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
}
