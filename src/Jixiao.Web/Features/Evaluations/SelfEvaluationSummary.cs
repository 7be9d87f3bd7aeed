using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.Evaluations;

/// <summary>部门汇总表: the year's project self-evaluations per department, on the page and as xlsx.</summary>
public static partial class EvaluationSheet
{
    /// <summary>One line of the 部门汇总表.</summary>
    /// <param name="Amount">全年预算数 (A, from the ledger) summed</param>
    /// <param name="ByReference">优, 良, 中, 差 by the reference grade</param>
    /// <param name="ByUnit">优, 良, 中, 差 by the grade of the unit's own total, where it wrote one</param>
    /// <param name="Filled">saved at least once</param>
    /// <param name="Submitted">handed in and not returned (under review or approved: <see cref="ReviewChains.SelfEvaluation"/>'s HandedIn)</param>
    public sealed record SummaryLine(string Department, int Count, decimal Amount, int[] ByReference, int[] ByUnit, int Filled, int Submitted, int Approved);

    /// <summary>The project self-evaluations of a year in scope (optionally one department), per department; department-overall forms are not counted.</summary>
    public static async Task<IReadOnlyList<SummaryLine>> SummaryAsync(JixiaoDbContext db, int year, long? departmentId, CancellationToken ct)
    {
        var forms = db.SelfEvaluations.AsNoTracking().Where(e => e.FiscalYear == year && e.Subject == TargetSubject.Project);
        if (departmentId is { } d) forms = forms.Where(e => e.DepartmentId == d);
        // Amounts are summed here, not in SQL: SQLite cannot sum decimals exactly.
        var list = await forms
            .Select(e => new { Key = e.DepartmentId ?? e.OrgUnitId, e.LedgerAdjustedBudget, e.ReferenceGrade, e.Total, e.MaxScore, e.State, e.FilledAtUtc })
            .ToListAsync(ct);
        var keys = list.Select(e => e.Key).Distinct().ToList();
        var names = await db.OrgUnits.IgnoreQueryFilters().Where(o => keys.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => (o.Code, o.Name), ct);
        int[] Grades(IEnumerable<Grade> grades) => Enum.GetValues<Grade>().Select(g => grades.Count(x => x == g)).ToArray();
        return list.GroupBy(e => e.Key)
            .OrderBy(g => names.GetValueOrDefault(g.Key).Code, StringComparer.Ordinal)
            .Select(g => new SummaryLine(names.GetValueOrDefault(g.Key).Name ?? "", g.Count(), g.Sum(e => e.LedgerAdjustedBudget),
                Grades(g.Select(e => e.ReferenceGrade)),
                Grades(g.Where(e => e.Total is not null && e.MaxScore > 0).Select(e => ReferenceScoring.GradeOf(e.Total!.Value, e.MaxScore))),
                g.Count(e => e.FilledAtUtc is not null),
                g.Count(e => ReviewChains.SelfEvaluation.HandedIn.Contains(e.State)),
                g.Count(e => e.State == FormState.Approved)))
            .ToList();
    }

    public static readonly IReadOnlyList<string> SummaryTitles =
    [
        "主管部门", "自评项目数", "全年预算数合计（元）", "参考等级：优", "参考等级：良", "参考等级：中", "参考等级：差",
        "自评等级：优", "自评等级：良", "自评等级：中", "自评等级：差", "未填总分", "已填报", "已提交", "已审核",
    ];

    public static async Task<(string FileName, byte[] Content)> SummaryExportAsync(JixiaoDbContext db, int year, long? departmentId, CancellationToken ct)
    {
        FiscalYears.EnsureValid(year);
        var lines = await SummaryAsync(db, year, departmentId, ct);
        var department = departmentId is { } id
            ? await db.OrgUnits.IgnoreQueryFilters().Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(ct)
            : null;
        object?[] Cells(SummaryLine l) =>
        [
            l.Department, l.Count, l.Amount, .. l.ByReference.Cast<object?>(), .. l.ByUnit.Cast<object?>(), l.Count - l.ByUnit.Sum(), l.Filled, l.Submitted, l.Approved,
        ];
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { $"{year} 年度项目支出绩效自评汇总表{(department is null ? "" : "（" + department + "）")}" },
            new object?[] { "说明：参考等级按系统参考得分，自评等级按单位填写的总分（≥90 优、80–90 良、60–80 中、<60 差）；已提交含待审核和已审核；全年预算数为账面调整后的全年预算数（A）。部门整体自评不计入。" },
            SummaryTitles.Cast<object?>().ToList(),
        };
        rows.AddRange(lines.Select(l => (IReadOnlyList<object?>)Cells(l)));
        if (departmentId is null)
        {
            int[] Sum(Func<SummaryLine, int[]> part) => Enumerable.Range(0, 4).Select(i => lines.Sum(l => part(l)[i])).ToArray();
            rows.Add(Cells(new SummaryLine("合计", lines.Sum(l => l.Count), lines.Sum(l => l.Amount), Sum(l => l.ByReference), Sum(l => l.ByUnit),
                lines.Sum(l => l.Filled), lines.Sum(l => l.Submitted), lines.Sum(l => l.Approved))));
        }
        var layout = new SheetLayout(Widths: [28, 10, 20, 10, 10, 10, 10, 10, 10, 10, 10, 9, 8, 8, 8], HeaderRows: [3], Titled: true, NoteRows: [2]);
        return ($"{year}年项目支出绩效自评汇总表{(department is null ? "" : "-" + department)}.xlsx", XlsxWriter.Write("自评汇总表", rows, layout));
    }
}
