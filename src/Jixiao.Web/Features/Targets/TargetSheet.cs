using Jixiao.Domain.Budget;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Interchange;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Imports;

namespace Jixiao.Web.Features.Targets;

/// <param name="Projects">projects written (created or updated)</param>
/// <param name="Unchanged">projects the file names as the system holds them (read-only ones included): skipped</param>
public sealed record TargetImportReport(string FileName, int Rows, int Projects, int Created, int Updated, int Unchanged, IReadOnlyList<ImportIssue> Issues,
    bool Committed)
{
    public int Errors => Issues.Count(i => i.IsError);
    public int Warnings => Issues.Count(i => !i.IsError);
    public string Summary => !Committed
        ? $"未写入任何数据：{Errors} 个错误，请按下表修改后重新导入。"
        : Projects == 0
            ? $"文件中 {Unchanged} 个项目的绩效目标与系统中一致，没有需要更新的内容（0 个修改）。"
            : $"已导入：{Rows} 行指标，{Projects} 个项目（新建目标 {Created}，更新 {Updated}）{(Unchanged > 0 ? $"；{Unchanged} 个项目未修改，已跳过" : "")}{(Warnings > 0 ? $"，{Warnings} 个提示请查看" : "")}。";
}

/// <summary>
/// 项目支出绩效目标申报表 as xlsx: exported for the projects of a department (or a unit) in the user's scope,
/// one row per indicator with the project's goals repeated, filled offline, and imported back — all or
/// nothing, with a row-level report. Only versions the importing user may edit are written; a project the file leaves as
/// the system holds it (a submitted or approved one, or one not yet filled) is skipped and counted, so an untouched export imports back.
/// </summary>
public static class TargetSheet
{
    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("code", "项目代码", true, false, "项目编码"),
        new("name", "项目名称", false, false),
        new("unit", "单位名称", false, false, "单位"),
        new("version", "版本", false, false),
        new("state", "状态", false, false),
        new("overall", "总体目标", false, false, "中长期目标"),
        new("annual", "年度目标", false, false, "年度绩效目标"),
        new("level1", "一级指标", true, false),
        new("level2", "二级指标", true, false),
        new("name3", "三级指标", true, false, "指标名称"),
        new("comparison", "指标性质", true, false),
        new("value", "指标值", true, false, "目标值"),
        new("unitOfMeasure", "计量单位", false, false, "度量单位"),
        new("basis", "取值依据", false, false),
        new("weight", "权重", false, false, "分值"),
        new("scoring", "评（扣）分标准", false, false, "评分标准", "扣分标准"),
        new("explanation", "指标解释", false, false),
    ];

    private static readonly IReadOnlyDictionary<string, Comparison> ComparisonWords = new Dictionary<string, Comparison>
    {
        ["≥"] = Comparison.GreaterOrEqual, ["＞"] = Comparison.Greater, ["＝"] = Comparison.Equal, ["＜"] = Comparison.Less, [">="] = Comparison.GreaterOrEqual, ["≧"] = Comparison.GreaterOrEqual, ["大于等于"] = Comparison.GreaterOrEqual, ["不低于"] = Comparison.GreaterOrEqual,
        [">"] = Comparison.Greater, ["大于"] = Comparison.Greater,
        ["="] = Comparison.Equal, ["═"] = Comparison.Equal, ["﹦"] = Comparison.Equal, ["等于"] = Comparison.Equal,
        ["≤"] = Comparison.LessOrEqual, ["<="] = Comparison.LessOrEqual, ["≦"] = Comparison.LessOrEqual, ["小于等于"] = Comparison.LessOrEqual, ["不高于"] = Comparison.LessOrEqual,
        ["<"] = Comparison.Less, ["小于"] = Comparison.Less,
        ["定性"] = Comparison.Qualitative,
    };

    private static readonly IReadOnlyDictionary<string, ValueBasis> BasisWords =
        Enum.GetValues<ValueBasis>().ToDictionary(b => b.Label(), b => b);

    /// <remarks>
    /// The lists of 一级/二级指标 are those of the frames of the projects' own regions (a prefecture's user exporting a county
    /// gets the county's frame, whatever their home region); the import checks each project against its region's frame.
    /// </remarks>
    public static async Task<(string FileName, byte[] Content)> ExportAsync(JixiaoDbContext db, int year, long? departmentId, CancellationToken ct)
    {
        var projects = db.Projects.AsNoTracking().Where(p => p.FiscalYear == year && p.Status == LibraryStatus.Budgeted && !p.IsPool);
        if (departmentId is { } d) projects = projects.Where(p => p.DepartmentId == d);
        var list = await projects
            .Select(p => new { p.Id, p.Code, p.Name, p.RegionCode, Unit = db.OrgUnits.Where(o => o.Id == p.OrgUnitId).Select(o => o.Name).FirstOrDefault() ?? "" })
            .OrderBy(p => p.Code).ToListAsync(ct);
        var keys = list.Select(p => "P" + p.Id).ToList();
        var targets = (await db.Targets.AsNoTracking().Include(t => t.Indicators).Where(t => keys.Contains(t.SubjectKey)).ToListAsync(ct))
            .GroupBy(t => t.ProjectId!.Value).ToDictionary(g => g.Key, g => g.MaxBy(t => t.Version)!);
        var department = departmentId is { } id ? await db.OrgUnits.Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(ct) : null;
        // A sheet without projects has no region to take a frame from; the national frame's lists still guide its filler.
        var frames = list.Count == 0 ? [IndicatorFrame.National] : (await TargetWork.FramesAsync(db, list.Select(p => p.RegionCode), year, ct)).Values;
        var levels = frames.SelectMany(f => f.Levels).ToList();

        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { $"{year} 年度项目支出绩效目标申报表{(department is null ? "" : "（" + department + "）")}" },
            new object?[] { "填报说明：每行一个三级指标，同一项目的多行项目代码相同；总体目标、年度目标填在该项目第一行即可。指标性质填 ≥、＞、＝、≤、＜ 或 定性；取值依据填 计划标准、行业标准、历史标准、预算支出标准 或 其他标准。已提交或已批复的目标只读，导入时不会修改。" },
            Columns.Select(c => (object?)c.Title).ToList(),
        };
        foreach (var p in list)
        {
            var target = targets.GetValueOrDefault(p.Id);
            var indicators = target?.Indicators.OrderBy(i => i.Row).ToList() ?? [];
            if (indicators.Count == 0)
            {
                rows.Add([p.Code, p.Name, p.Unit, target?.Version, target?.State.Label() ?? "未填报", target?.OverallGoal, target?.AnnualGoal]);
                continue;
            }
            var first = true;
            foreach (var i in indicators)
            {
                rows.Add([p.Code, p.Name, p.Unit, target!.Version, target.State.Label(), first ? target.OverallGoal : null, first ? target.AnnualGoal : null,
                    i.Level1, i.Level2, i.Name, i.Comparison.Label(), i.TargetValue, i.Unit, i.Basis.Label(), i.Weight, i.ScoringStandard, i.Explanation]);
                first = false;
            }
        }
        var layout = new SheetLayout(
            Widths: [16, 28, 20, 6, 12, 30, 30, 12, 18, 28, 9, 14, 10, 13, 7, 30, 30],
            Lists:
            [
                (7, levels.Select(l => l.Level1).Distinct().ToList()),
                (8, levels.SelectMany(l => l.Level2s).Distinct().ToList()),
                (10, Enum.GetValues<Comparison>().Select(c => c.Label()).ToList()),
                (13, Enum.GetValues<ValueBasis>().Select(b => b.Label()).ToList()),
            ],
            ListFromRow: 4,
            HeaderRows: [3],
            Titled: true,
            NoteRows: [2]);
        return ($"{year}年项目支出绩效目标申报表{(department is null ? "" : "-" + department)}.xlsx", XlsxWriter.Write("绩效目标申报表", rows, layout));
    }

    /// <summary>The file says what the saved version says, compared as the sheet reads cells (spaces tidied, codes half-width).</summary>
    private static bool Same(PerformanceTarget target, TargetContent form) =>
        CellText.Clean(target.OverallGoal) == CellText.Clean(form.OverallGoal) && CellText.Clean(target.AnnualGoal) == CellText.Clean(form.AnnualGoal)
        && target.Indicators.OrderBy(i => i.Row).Select(i => Comparable(i.ToInput())).SequenceEqual(form.Indicators.Select(Comparable));

    private static TargetIndicatorInput Comparable(TargetIndicatorInput i) =>
        new(CellText.Normalize(i.Level1), CellText.Normalize(i.Level2), CellText.Clean(i.Name), i.Comparison, CellText.Clean(i.TargetValue),
            CellText.Normalize(i.Unit), i.Basis, i.Weight, CellText.Clean(i.Explanation), CellText.Clean(i.ScoringStandard));

    private sealed record Parsed(int Row, string Code, string? Overall, string? Annual, TargetIndicatorInput? Indicator);

    public static async Task<TargetImportReport> ImportAsync(JixiaoDbContext db, CurrentUser user, int year, string fileName, byte[] content,
        UploadLimits limits, FormLimits forms, DateTime nowUtc, CancellationToken ct)
    {
        var issues = new ImportIssues();
        var unchanged = 0;
        TargetImportReport Report(int rows, int projects, int created, int updated, bool committed) =>
            new(fileName, rows, projects, created, updated, committed ? unchanged : 0, issues.ForReport(), committed);

        IReadOnlyList<SheetRow> sheet;
        try
        {
            sheet = SpreadsheetReader.Read(content, fileName, limits);
        }
        catch (DomainException e)
        {
            issues.Error(0, "文件", fileName, e.Message);
            return Report(0, 0, 0, 0, false);
        }
        var header = ImportLayout.FindHeader(sheet, Columns, out _);
        if (header is null)
        {
            issues.Error(0, "表头", "", $"前 20 行中找不到表头：必须有 {string.Join("、", Columns.Where(c => c.Required).Select(c => c.Title))} 这些列。");
            return Report(0, 0, 0, 0, false);
        }

        var parsed = new List<Parsed>();
        // Every row's 一级/二级 pair, a row with other errors too: checked against its project's frame once the projects are known.
        var framed = new List<(int Row, string Code, string Level1, string Level2)>();
        foreach (var row in sheet.Skip(header.RowIndex + 1).Where(r => !r.IsEmpty))
        {
            var r = new RowReader(row, header, issues);
            var code = r.Code("code", true, 40);
            var overall = r.Raw("overall");
            var annual = r.Raw("annual");
            var indicatorCells = new[] { "level1", "level2", "name3", "comparison", "value" }.Any(k => r.Raw(k).Trim().Length > 0);
            TargetIndicatorInput? indicator = null;
            if (indicatorCells)
            {
                var level1 = r.Code("level1", true, 20);
                var level2 = r.Code("level2", true, 30);
                if (code.Length > 0 && level1.Length > 0 && level2.Length > 0) framed.Add((row.Number, code, level1, level2));
                var name = r.Text("name3", true, 200);
                var comparison = r.Choice("comparison", ComparisonWords, Comparison.GreaterOrEqual);
                var value = r.Text("value", true, 200);
                var unit = r.Code("unitOfMeasure", false, 30);
                var basis = r.Choice("basis", BasisWords, ValueBasis.Plan, required: false);
                decimal? weight = null;
                if (r.Raw("weight").Trim().Length > 0)
                {
                    if (CellText.TryParseAmount(r.Raw("weight"), AmountUnit.Yuan, out var w, out _) && w > 0) weight = w;
                    else r.Error("weight", $"权重“{r.Raw("weight")}”应为大于 0 的数字。");
                }
                indicator = new TargetIndicatorInput(level1, level2, name, comparison, value, unit, basis, weight,
                    r.Text("explanation", false, 1000), r.Text("scoring", false, 1000));
            }
            if (!r.Failed && code.Length > 0)
                parsed.Add(new Parsed(row.Number, code, overall.Length > 0 ? overall : null, annual.Length > 0 ? annual : null, indicator));
        }

        var codes = parsed.Select(p => p.Code).Distinct().ToList();
        // A code is unique within a region; a user who sees several regions may find it in more than one.
        var byCode = (await db.Projects.AsNoTracking().Where(p => p.FiscalYear == year && codes.Contains(p.Code)).ToListAsync(ct)).ToLookup(p => p.Code);
        var projects = byCode.Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single());
        var frames = await TargetWork.FramesAsync(db, projects.Values.Select(p => p.RegionCode), year, ct);
        foreach (var (row, code, level1, level2) in framed)
            if (projects.TryGetValue(code, out var project) && frames[project.RegionCode] is var frame && !frame.Contains(level1, level2))
                issues.Error(row, header.Title("level2"), level2, $"“{level1} / {level2}”不在“{project.Name}”所在区划 {year} 年的指标框架内（{frame.Name}）。");
        var projectIds = projects.Values.Select(p => "P" + p.Id).ToList();
        var existing = (await db.Targets.Include(t => t.Indicators).Include(t => t.Steps).Where(t => projectIds.Contains(t.SubjectKey)).ToListAsync(ct))
            .GroupBy(t => t.ProjectId!.Value).ToDictionary(g => g.Key, g => g.MaxBy(t => t.Version)!);
        var created = 0;
        var updated = 0;
        var plans = new List<(PerformanceTarget Target, Project Project, TargetContent Content, IReadOnlyList<int> SheetRows, int FirstRow)>();
        foreach (var group in parsed.GroupBy(p => p.Code))
        {
            var first = group.First().Row;
            if (byCode[group.Key].Count() > 1)
            {
                issues.Error(first, "项目代码", group.Key, $"{year} 年度 {byCode[group.Key].Count()} 个区划（{string.Join("、", byCode[group.Key].Select(p => p.RegionCode))}）"
                                                       + $"都有代码为 {group.Key} 的项目，无法确定导入哪一个；请由项目所在区划的账号导入。");
                continue;
            }
            if (!projects.TryGetValue(group.Key, out var project))
            {
                issues.Error(first, "项目代码", group.Key, $"{year} 年度没有代码为 {group.Key} 的项目，或该项目不在您的权限范围内。");
                continue;
            }
            if (project.IsPool || project.Status != LibraryStatus.Budgeted)
            {
                issues.Error(first, "项目代码", group.Key, $"“{project.Name}”{(project.IsPool ? "是待分资金项目" : "未纳入预算")}，不填报绩效目标。");
                continue;
            }
            var target = existing.GetValueOrDefault(project.Id);
            var rows = group.Where(p => p.Indicator is not null).ToList();
            var form = new TargetContent(group.Select(p => p.Overall).FirstOrDefault(o => o is not null) ?? target?.OverallGoal,
                group.Select(p => p.Annual).FirstOrDefault(a => a is not null) ?? target?.AnnualGoal,
                rows.Select(p => p.Indicator!).ToList());
            if (target is null ? form.OverallGoal is null && form.AnnualGoal is null && form.Indicators.Count == 0 : Same(target, form))
            {
                unchanged++;
                continue;
            }
            if (target is not null && !user.Scope.Roles.Any(r => ReviewChains.Targets.CanEdit(target.Subject, target.State, r)))
            {
                issues.Error(first, "项目代码", group.Key, $"“{project.Name}”的绩效目标第 {target.Version} 版为“{target.State.Label()}”，文件中对它的修改不能导入"
                                                       + "（已提交或已批复的目标只读）；如需变更请在系统中办理调整，或把这几行恢复为导出时的内容。");
                continue;
            }
            if (target is null && !user.Scope.Has(Domain.Access.Role.UnitFiller))
            {
                issues.Error(first, "项目代码", group.Key, $"“{project.Name}”还没有绩效目标，项目绩效目标由预算单位填报。");
                continue;
            }
            try
            {
                forms.Ensure(rows.Count, $"“{project.Name}”的绩效目标表");
            }
            catch (DomainException e)
            {
                issues.Error(first, "三级指标", "", e.Message);
                continue;
            }
            if (target is null)
            {
                target = PerformanceTarget.ForProject(project, nowUtc);
                db.Targets.Add(target);
                created++;
            }
            else
            {
                updated++;
            }
            plans.Add((target, project, form, rows.Select(p => p.Row).ToList(), first));
        }

        if (!issues.HasErrors)
        {
            foreach (var (target, project, form, sheetRows, firstRow) in plans)
            {
                var actor = TargetWork.EditorOf(user, target);
                try
                {
                    foreach (var finding in target.Edit(actor, form.OverallGoal, form.AnnualGoal, form.Indicators,
                                 await TargetWork.ContextAsync(db, target, ct, project, frames[project.RegionCode]), nowUtc))
                        issues.Warning(finding.Row is { } r && r <= sheetRows.Count ? sheetRows[r - 1] : firstRow, finding.Field, "",
                            $"{finding.Message}{(finding.Blocking ? "（提交前必须修改）" : "")}");
                }
                catch (DomainException e)
                {
                    issues.Error(firstRow, e.Field ?? "指标", "", e.Message);
                }
            }
        }
        if (issues.HasErrors)
        {
            db.ChangeTracker.Clear();
            return Report(parsed.Count(p => p.Indicator is not null), plans.Count, 0, 0, false);
        }
        await TargetWork.CommitAsync(db, ct);
        return Report(parsed.Count(p => p.Indicator is not null), plans.Count, created, updated, true);
    }
}
