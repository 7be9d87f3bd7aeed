using System.Globalization;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Interchange;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Imports;

namespace Jixiao.Web.Features.Monitoring;

/// <param name="Rows">data rows read from the file</param>
/// <param name="Tasks">monitoring tasks named in the file</param>
/// <param name="TasksUpdated">tasks whose return was saved (the others were unchanged)</param>
/// <param name="RowsUpdated">indicator rows whose content changed</param>
public sealed record MonitoringImportReport(string FileName, int Rows, int Tasks, int TasksUpdated, int RowsUpdated, IReadOnlyList<ImportIssue> Issues,
    bool Committed)
{
    public int Errors => Issues.Count(i => i.IsError);
    public int Warnings => Issues.Count(i => !i.IsError);
    public string Summary => !Committed
        ? $"未写入任何数据：{Errors} 个错误，请按下表修改后重新导入。"
        : TasksUpdated == 0
            ? $"文件中 {Tasks} 个项目的监控表与系统中一致，没有需要更新的内容（0 个修改）。"
            : $"已导入：{TasksUpdated} 个项目的监控表，{RowsUpdated} 行指标已更新，预警已重算{(Tasks > TasksUpdated ? $"；{Tasks - TasksUpdated} 个项目未修改" : "")}{(Warnings > 0 ? $"；{Warnings} 个提示请查看" : "")}。";
}

/// <summary>
/// 项目支出绩效目标执行监控表 as xlsx: one row per indicator of every project task of a round in the user's scope
/// (optionally one department), the fund part repeated on each row of a project, filled offline and imported back.
/// The import saves each changed task through the same domain fill as the form — all or nothing, with a row-level
/// report; tasks the file leaves as they are (submitted ones included) are not touched.
/// </summary>
public static class MonitoringSheet
{
    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("task", "任务编号", true, false),
        new("code", "项目编码", false, false, "项目代码"),
        new("name", "项目名称", false, false),
        new("unit", "单位", false, false, "单位名称"),
        new("budget", "全年预算数(元)", false, false),
        new("executed", "执行数(元)", false, false),
        new("rate", "执行率(%)", false, false),
        new("expectedExecution", "全年预计执行数(元)", true, true),
        new("executionCause", "执行偏差原因", true, false),
        new("row", "行号", true, false),
        new("level1", "一级指标", false, false),
        new("level2", "二级指标", false, false),
        new("name3", "三级指标", false, false),
        new("target", "年度指标值", false, false),
        new("actual", "实际完成值", true, false),
        new("outcome", "达成情况", true, false),
        new("expected", "全年预计完成情况", true, false),
        new("cause", "偏差原因", true, false),
        new("likelihood", "完成目标可能性", true, false),
        new("measures", "整改措施", true, false),
        new("light", "预警", false, false),
    ];

    private static readonly IReadOnlyDictionary<string, DeviationCause?> Causes = Choices<DeviationCause>(c => c.Label());
    private static readonly IReadOnlyDictionary<string, Likelihood?> Likelihoods = Choices<Likelihood>(l => l.Label());
    private static readonly IReadOnlyDictionary<string, QualitativeOutcome?> Outcomes = Choices<QualitativeOutcome>(o => o.Label());

    private static IReadOnlyDictionary<string, T?> Choices<T>(Func<T, string> label) where T : struct, Enum =>
        Enum.GetValues<T>().ToDictionary(label, v => (T?)v);

    private static int Index(string key) => Columns.Select((c, i) => (c.Key, i)).Single(c => c.Key == key).i;

    /// <summary>One indicator row as the sheet shows it, from a filled return row or, before filling, from the targets in force.</summary>
    private sealed record Line(int Row, string Level1, string Level2, string Name, string Target, string Actual, QualitativeOutcome? Outcome,
        string Expected, DeviationCause? Cause, Likelihood? Likelihood, string Measures, string Warning);

    /// <returns>null when the round is not found in the user's scope</returns>
    public static async Task<(string FileName, byte[] Content)?> ExportAsync(JixiaoDbContext db, long roundId, long? departmentId, CancellationToken ct)
    {
        var round = await db.MonitoringRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return null;
        var query = db.MonitoringTasks.AsNoTracking().Include(t => t.Rows).Where(t => t.RoundId == roundId && t.Subject == TargetSubject.Project);
        if (departmentId is { } d) query = query.Where(t => t.DepartmentId == d);
        var tasks = await query.ToListAsync(ct);
        // Read without scope, as the task pages do: the tasks were found in scope.
        var projectIds = tasks.Select(t => t.ProjectId!.Value).ToList();
        var projects = await db.Projects.IgnoreQueryFilters().AsNoTracking().Where(p => projectIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Code, p.Name, Unit = db.OrgUnits.IgnoreQueryFilters().Where(o => o.Id == p.OrgUnitId).Select(o => o.Name).FirstOrDefault() ?? "" })
            .ToDictionaryAsync(p => p.Id, ct);
        var targetIds = tasks.Where(t => t.Rows.Count == 0).Select(t => t.TargetId).OfType<long>().Distinct().ToList();
        var inForce = await db.Targets.IgnoreQueryFilters().AsNoTracking().Include(t => t.Indicators).Where(t => targetIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.Indicators.OrderBy(i => i.Row).ToList(), ct);
        var department = departmentId is { } id ? await db.OrgUnits.Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(ct) : null;

        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { $"{round.Title} · 项目支出绩效目标执行监控表{(department is null ? "" : "（" + department + "）")}（数据截至 {round.CutOff:yyyy-MM-dd}，填报截止 {round.Deadline:yyyy-MM-dd}）" },
            Columns.Select(c => (object?)c.Title).ToList(),
        };
        foreach (var task in tasks.OrderBy(t => projects[t.ProjectId!.Value].Code, StringComparer.Ordinal).ThenBy(t => t.Id))
        {
            var project = projects[task.ProjectId!.Value];
            var lines = task.Rows.Count > 0
                ? task.Rows.OrderBy(r => r.Row).Select(r => new Line(r.Row, r.Level1, r.Level2, r.Name,
                    r.ParseTarget(task.FiscalYear) is { Success: true } parsed ? parsed.Value.Normalized : r.TargetValue, r.Actual, r.Outcome, r.Expected,
                    r.Cause, r.Likelihood, r.Measures, r.Light is { } light ? $"{light.Label()}：{r.Explanation}" : r.Explanation))
                : (task.TargetId is { } targetId ? inForce[targetId] : []).Select(i => new Line(i.Row, i.Level1, i.Level2, i.Name,
                    i.Display(task.FiscalYear), "", null, "", null, null, "", "未填报"));
            foreach (var line in lines)
                rows.Add([task.Id, project.Code, project.Name, project.Unit, task.Budget, task.Executed,
                    Percent.Points(task.ExecutionRate),
                    task.ExpectedExecution, task.ExecutionCause?.Label(), line.Row, line.Level1, line.Level2, line.Name, line.Target, Blank(line.Actual),
                    line.Outcome?.Label(), Blank(line.Expected), line.Cause?.Label(), line.Likelihood?.Label(), Blank(line.Measures), line.Warning]);
        }
        var layout = new SheetLayout(
            Widths: [9, 20, 28, 20, 15, 15, 9, 16, 13, 6, 11, 16, 24, 16, 14, 11, 18, 13, 13, 28, 60],
            Lists:
            [
                (Index("executionCause"), Causes.Keys.ToList()),
                (Index("outcome"), Outcomes.Keys.ToList()),
                (Index("cause"), Causes.Keys.ToList()),
                (Index("likelihood"), Likelihoods.Keys.ToList()),
            ],
            ListFromRow: 3,
            TextColumns: [Index("actual"), Index("expected")],
            HeaderRows: [2],
            Titled: true);
        return ($"项目支出绩效目标执行监控表-{round.FiscalYear}-{round.Month:00}月{(department is null ? "" : "-" + department)}.xlsx",
            XlsxWriter.Write("执行监控表", rows, layout));
    }

    private static string? Blank(string text) => text.Length == 0 ? null : text;

    /// <summary>One data row of the file, read: the task's fund part as written on it, and its indicator row.</summary>
    private sealed record Entry(SheetRow Sheet, long TaskId, decimal? ExpectedExecution, DeviationCause? ExecutionCause, ReturnRowInput Input);

    /// <returns>null when the round is not found in the user's scope</returns>
    public static async Task<MonitoringImportReport?> ImportAsync(JixiaoDbContext db, CurrentUser user, long roundId, string fileName, byte[] content,
        UploadLimits limits, DateTime nowUtc, CancellationToken ct)
    {
        var round = await db.MonitoringRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return null;
        var issues = new ImportIssues();
        int rowsRead = 0, tasksNamed = 0, tasksUpdated = 0, rowsUpdated = 0;
        MonitoringImportReport Report(bool committed) =>
            new(fileName, rowsRead, tasksNamed, committed ? tasksUpdated : 0, committed ? rowsUpdated : 0, issues.ForReport(), committed);

        IReadOnlyList<SheetRow> sheet;
        try
        {
            sheet = SpreadsheetReader.Read(content, fileName, limits);
        }
        catch (DomainException e)
        {
            issues.Error(0, "文件", fileName, e.Message);
            return Report(false);
        }
        var header = ImportLayout.FindHeader(sheet, Columns, out var unitError);
        if (header is null)
        {
            issues.Error(0, "表头", "", $"前 20 行中找不到表头：必须有 {string.Join("、", Columns.Where(c => c.Required).Select(c => c.Title))} 这些列。");
            return Report(false);
        }
        if (unitError is not null)
            issues.Error(header.RowIndex + 1, header.Title("expectedExecution"), header.Cell(sheet[header.RowIndex], "expectedExecution"), unitError);

        var entries = new List<Entry>();
        var named = new List<(SheetRow Row, long TaskId)>();
        foreach (var row in sheet.Skip(header.RowIndex + 1).Where(r => !r.IsEmpty))
        {
            rowsRead++;
            var r = new RowReader(row, header, issues);
            var taskId = Positive(r, "task", long.MaxValue);
            if (taskId > 0) named.Add((row, taskId));
            var number = (int)Positive(r, "row", int.MaxValue);
            decimal? expectedExecution = null;
            if (r.Raw("expectedExecution").Trim().Length > 0)
            {
                if (CellText.TryParseAmount(r.Raw("expectedExecution"), header.Unit, out var yuan, out var error)) expectedExecution = yuan;
                else r.Error("expectedExecution", error!);
            }
            var executionCause = r.Choice("executionCause", Causes, null, required: false);
            var input = new ReturnRowInput(number, r.Text("actual", false, 200), r.Choice("outcome", Outcomes, null, required: false),
                r.Text("expected", false, 200), r.Choice("cause", Causes, null, required: false), r.Choice("likelihood", Likelihoods, null, required: false),
                r.Text("measures", false, 1000));
            if (!r.Failed) entries.Add(new Entry(row, taskId, expectedExecution, executionCause, input));
        }

        if (rowsRead == 0)
        {
            issues.Error(header.RowIndex + 1, "表头", "", "表头下面没有数据行：请在导出的执行监控表中填写后导入。");
            return Report(false);
        }

        var rules = await RoundWork.RulesAsync(db, round.RegionCode, round.FiscalYear, ct);
        foreach (var group in named.GroupBy(x => x.TaskId))
        {
            tasksNamed++;
            var first = group.First().Row;
            var task = await ReturnWork.FindAsync(db, group.Key, ct);
            if (task is null || task.RoundId != roundId)
            {
                issues.Error(first.Number, header.Title("task"), group.Key.ToString(CultureInfo.InvariantCulture), task is null
                    ? $"任务编号 {group.Key} 不存在或不在您的权限范围内，请从本系统导出监控表后填写。"
                    : $"任务编号 {group.Key} 不属于“{round.Title}”，请从本轮次导出监控表后填写。");
                continue;
            }
            var indicators = await ReturnWork.IndicatorsAsync(db, task, ct);
            var (input, lines) = Merge(task, indicators, entries.Where(e => e.TaskId == task.Id).ToList(), header, issues);
            var changed = ChangedRows(task, input);
            if (changed == 0 && task.ExpectedExecution == input.ExpectedExecution && task.ExecutionCause == input.ExecutionCause) continue;
            try
            {
                task.Fill(ReturnWork.EditorOf(user, task), input, indicators, round, rules, nowUtc);
                tasksUpdated++;
                rowsUpdated += changed;
            }
            catch (ConflictException e)
            {
                issues.Error(first.Number, header.Title("task"), group.Key.ToString(CultureInfo.InvariantCulture),
                    $"“{await SubjectAsync(db, task, ct)}”：{e.Message}");
            }
            catch (DomainException e)
            {
                Blame(task, indicators, round, rules, nowUtc, user, lines, first, e, header, issues);
            }
        }
        if (issues.HasErrors)
        {
            db.ChangeTracker.Clear();
            return Report(false);
        }
        await ReturnWork.CommitAsync(db, ct);
        return Report(true);
    }

    private static long Positive(RowReader r, string key, long max)
    {
        var text = CellText.Normalize(r.Raw(key));
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= max) return value;
        var title = Columns[Index(key)].Title;
        r.Error(key, text.Length == 0 ? $"“{title}”不能为空，请按导出的表填写。" : $"“{text}”不是有效的{title}，应为正整数，请按导出的表填写。");
        return 0;
    }

    /// <summary>
    /// The task's return with the file's rows laid over what is saved (a row the file leaves out keeps its values),
    /// and the file's fund part, which the rows of one task must agree on. Rows that cannot be used are reported.
    /// </summary>
    private static (ReturnInput Input, List<Entry> Lines) Merge(MonitoringTask task, IReadOnlyList<TargetIndicator> indicators, List<Entry> entries,
        HeaderMap header, ImportIssues issues)
    {
        var byRow = indicators.ToDictionary(i => i.Row);
        var rows = task.Rows.ToDictionary(r => r.Row, r => r.ToInput());
        var lines = new List<Entry>();
        var seen = new Dictionary<int, int>();
        (SheetRow Row, decimal Value)? expected = null;
        (SheetRow Row, DeviationCause Value)? cause = null;
        foreach (var entry in entries)
        {
            var number = entry.Sheet.Number;
            if (!byRow.TryGetValue(entry.Input.Row, out var indicator))
            {
                issues.Error(number, header.Title("row"), header.Cell(entry.Sheet, "row"),
                    $"该项目的绩效目标中没有第 {entry.Input.Row} 行指标（共 {indicators.Count} 行），请按导出的行号填写。");
                continue;
            }
            if (seen.TryGetValue(entry.Input.Row, out var earlier))
            {
                issues.Error(number, header.Title("row"), header.Cell(entry.Sheet, "row"),
                    $"第 {entry.Input.Row} 行指标已在 Excel 第 {earlier} 行填写，同一指标只能填写一行。");
                continue;
            }
            if (!Agrees(entry, entry.ExpectedExecution, ref expected, "expectedExecution", header, issues)
                || !Agrees(entry, entry.ExecutionCause, ref cause, "executionCause", header, issues))
                continue;
            seen[entry.Input.Row] = number;
            var input = entry.Input;
            if (input.Outcome is not null && indicator.Comparison != Comparison.Qualitative)
            {
                issues.Warning(number, header.Title("outcome"), header.Cell(entry.Sheet, "outcome"),
                    $"第 {input.Row} 行“{indicator.Name}”是定量指标，达成情况只用于定性指标，已忽略；请填写实际完成值。");
                input = input with { Outcome = null };
            }
            rows[input.Row] = input;
            lines.Add(entry with { Input = input });
        }
        return (new ReturnInput(expected?.Value, cause?.Value, task.ExecutionMeasures, rows.Values.OrderBy(r => r.Row).ToList()), lines);
    }

    /// <summary>A task's fund part is repeated on each of its rows: a row may leave it blank, but not give another value than an earlier row.</summary>
    private static bool Agrees<T>(Entry entry, T? value, ref (SheetRow Row, T Value)? first, string key, HeaderMap header, ImportIssues issues)
        where T : struct
    {
        if (value is not { } v) return true;
        if (first is not { } earlier)
        {
            first = (entry.Sheet, v);
            return true;
        }
        if (earlier.Value.Equals(v)) return true;
        issues.Error(entry.Sheet.Number, header.Title(key), header.Cell(entry.Sheet, key),
            $"同一项目各行的{Columns[Index(key)].Title}应相同，Excel 第 {earlier.Row.Number} 行为“{header.Cell(earlier.Row, key)}”。");
        return false;
    }

    /// <summary>The rows of <paramref name="input"/> that differ from what is saved, compared as the sheet reads text.</summary>
    private static int ChangedRows(MonitoringTask task, ReturnInput input)
    {
        var saved = task.Rows.ToDictionary(r => r.Row, r => Comparable(r.ToInput()));
        return input.Rows.Count(r => Comparable(r) != saved.GetValueOrDefault(r.Row, Comparable(new ReturnRowInput(r.Row))));
    }

    private static ReturnRowInput Comparable(ReturnRowInput r) =>
        new(r.Row, CellText.Clean(r.Actual), r.Outcome, CellText.Clean(r.Expected), r.Cause, r.Likelihood, CellText.Clean(r.Measures));

    /// <summary>
    /// The domain refused the task's return as a whole; its rows are tried one by one, so that each row it refuses is
    /// reported on its own Excel row. A refusal of no single row (the fund part) is reported where the refused value was written.
    /// </summary>
    private static void Blame(MonitoringTask task, IReadOnlyList<TargetIndicator> indicators, MonitoringRound round, WarningRules rules, DateTime nowUtc,
        CurrentUser user, List<Entry> lines, SheetRow first, DomainException refusal, HeaderMap header, ImportIssues issues)
    {
        var actor = ReturnWork.EditorOf(user, task);
        var blamed = false;
        foreach (var line in lines)
        {
            try
            {
                task.Fill(actor, new ReturnInput(null, null, task.ExecutionMeasures, [line.Input]), indicators, round, rules, nowUtc);
            }
            catch (DomainException e)
            {
                var key = KeyOf(e.Field, "actual");
                issues.Error(line.Sheet.Number, header.Title(key), header.Cell(line.Sheet, key), e.Message);
                blamed = true;
            }
        }
        if (!blamed)
        {
            var key = KeyOf(refusal.Field, "task");
            var at = lines.Select(l => l.Sheet).FirstOrDefault(s => header.Cell(s, key).Trim().Length > 0) ?? first;
            issues.Error(at.Number, header.Title(key), header.Cell(at, key), refusal.Message);
        }
    }

    private static string KeyOf(string? field, string fallback) =>
        field is null ? fallback : Columns.FirstOrDefault(c => c.Matches(field))?.Key ?? fallback;

    private static async Task<string> SubjectAsync(JixiaoDbContext db, MonitoringTask task, CancellationToken ct) =>
        await db.Projects.IgnoreQueryFilters().Where(p => p.Id == task.ProjectId).Select(p => p.Code + " " + p.Name).FirstOrDefaultAsync(ct)
        ?? $"任务 {task.Id}";
}
