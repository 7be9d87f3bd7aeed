using Jixiao.Domain.Access;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Monitoring;

/// <summary>What a form (page, API, Excel) sends for one indicator row of a return.</summary>
/// <param name="Row">the indicator's row number in the approved targets</param>
/// <param name="Actual">实际完成值 to date (a number, or a date for 时效 indicators)</param>
/// <param name="Outcome">for a qualitative indicator: 达成 / 部分达成 / 未达成</param>
/// <param name="Expected">全年预计完成情况</param>
public sealed record ReturnRowInput(int Row, string? Actual = null, QualitativeOutcome? Outcome = null, string? Expected = null,
    DeviationCause? Cause = null, Likelihood? Likelihood = null, string? Measures = null);

/// <summary>What a unit fills in: 全年预计执行数, the execution deviation if any, and the indicator rows.</summary>
public sealed record ReturnInput(decimal? ExpectedExecution, DeviationCause? ExecutionCause, string? ExecutionMeasures,
    IReadOnlyList<ReturnRowInput> Rows);

/// <summary>One indicator row of a monitoring return: the approved target it reports on, what was done, and its light.</summary>
public sealed class ReturnRow
{
    private ReturnRow() { }

    public int Row { get; private set; }
    public string Level1 { get; private set; } = "";
    public string Level2 { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Comparison Comparison { get; private set; }
    public string TargetValue { get; private set; } = "";
    public string Unit { get; private set; } = "";
    /// <summary>实际完成值 as written.</summary>
    public string Actual { get; private set; } = "";
    public QualitativeOutcome? Outcome { get; private set; }
    /// <summary>全年预计完成情况</summary>
    public string Expected { get; private set; } = "";
    public DeviationCause? Cause { get; private set; }
    public Likelihood? Likelihood { get; private set; }
    /// <summary>整改措施</summary>
    public string Measures { get; private set; } = "";
    /// <summary>Null until the row is filled (or when the target value cannot be read).</summary>
    public Light? Light { get; private set; }
    public string Explanation { get; private set; } = "";

    public bool IsFilled => Comparison == Comparison.Qualitative ? Outcome is not null : Actual.Length > 0;

    /// <summary>The target as the parser reads it ("≥735 人次"), or as written when it cannot.</summary>
    public ParseResult ParseTarget(int year) => IndicatorValueParser.Parse(TargetValue, Unit, Name, Comparison, year);

    internal static ReturnRow From(TargetIndicator indicator, ReturnRowInput? input) => new()
    {
        Row = indicator.Row,
        Level1 = indicator.Level1,
        Level2 = indicator.Level2,
        Name = indicator.Name,
        Comparison = indicator.Comparison,
        TargetValue = indicator.TargetValue,
        Unit = indicator.Unit,
        Actual = Clean(input?.Actual, 200, indicator.Row, "实际完成值"),
        Outcome = indicator.Comparison == Comparison.Qualitative ? input?.Outcome : null,
        Expected = Clean(input?.Expected, 200, indicator.Row, "全年预计完成情况"),
        Cause = input?.Cause,
        Likelihood = input?.Likelihood,
        Measures = Clean(input?.Measures, 1000, indicator.Row, "整改措施"),
    };

    public ReturnRowInput ToInput() => new(Row, Actual, Outcome, Expected, Cause, Likelihood, Measures);

    /// <summary>The light of what was reported; a problem with the written actual value is returned, not thrown.</summary>
    internal string? Evaluate(int year, decimal timeProgress, WarningRules rules)
    {
        Light = null;
        if (!IsFilled)
        {
            Explanation = "未填报";
            return null;
        }
        var target = ParseTarget(year);
        if (!target.Success)
        {
            Explanation = $"目标值无法读取（{target.Error}），不判断预警";
            return null;
        }
        IndicatorActual actual;
        if (Comparison == Comparison.Qualitative)
        {
            actual = new IndicatorActual(Outcome: Outcome);
        }
        else
        {
            var read = IndicatorValueParser.Parse(Actual, Unit, null, Comparison.Equal, year);
            var isDate = target.Value.Kind is ValueKind.Date or ValueKind.DateRange;
            if (!read.Success || (isDate ? read.Value.Kind is not (ValueKind.Date) : read.Value.Kind is not (ValueKind.Number or ValueKind.Percent)))
            {
                Explanation = "实际完成值无法读取";
                return $"第 {Row} 行“{Name}”：实际完成值“{Actual}”无法读取，请填写{(isDate ? "完成日期，如 2026-06-30" : "一个数，如 735（单位可省略）")}";
            }
            actual = isDate ? new IndicatorActual(Date: read.Value.EndDate ?? read.Value.Date) : new IndicatorActual(Number: read.Value.Number);
        }
        var (goal, reading) = TargetReading.AsScored(target, TargetValue, Name, null, ReverseIndicators.NationalDefault);
        var result = Warnings.Indicator(Level2, goal, actual, timeProgress, rules);
        Light = result.Light;
        Explanation = reading.Length > 0 ? $"{reading}；{result.Explanation}" : result.Explanation;
        return null;
    }

    private static string Clean(string? text, int max, int row, string field)
    {
        var value = (text ?? "").Trim();
        return value.Length <= max ? value : throw new DomainException($"第 {row} 行{field}超过 {max} 个字。", field);
    }
}

/// <summary>
/// 监控任务 for one project (or one department as a whole) in a round: the fund part computed from the ledger as
/// of the cut-off, the unit's return per indicator of the targets in force at the cut-off, the lights with their
/// explanations, and the review chain.
/// </summary>
public sealed class MonitoringTask : IOrgOwned, IReviewed<FormState>
{
    private MonitoringTask() { }

    public long Id { get; private set; }
    public long RoundId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public TargetSubject Subject { get; private set; }
    public long? ProjectId { get; private set; }
    /// <summary>The filler's organisation: the project's unit, or the department itself.</summary>
    public long OrgUnitId { get; private set; }
    public long? DepartmentId { get; private set; }
    /// <summary>The version of targets in force at the cut-off (null for a department without approved overall targets).</summary>
    public long? TargetId { get; private set; }
    /// <summary>财政重点监控</summary>
    public bool IsKey { get; private set; }
    public FormState State { get; private set; }
    /// <summary>全年预算数 as of the cut-off (adjusted: additions, transfers and allocations included).</summary>
    public decimal Budget { get; private set; }
    /// <summary>执行数 as of the cut-off.</summary>
    public decimal Executed { get; private set; }
    /// <summary>全年预计执行数, filled by the unit.</summary>
    public decimal? ExpectedExecution { get; private set; }
    public DeviationCause? ExecutionCause { get; private set; }
    public string ExecutionMeasures { get; private set; } = "";
    public Light ExecutionLight { get; private set; }
    public string ExecutionExplanation { get; private set; } = "";
    /// <summary>The project light: the worst of execution and every filled indicator.</summary>
    public Light Light { get; private set; }
    /// <summary>The sentences of the parts that gave the project its light (when it is not green).</summary>
    public string LightReason { get; private set; } = "";
    public DateTime? FilledAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public List<ReturnRow> Rows { get; private set; } = [];
    public List<FormStep> Steps { get; private set; } = [];

    /// <summary>执行率 on the adjusted budget, null when there is no budget.</summary>
    public decimal? ExecutionRate => Budget > 0 ? decimal.Round(Executed / Budget, 4, MidpointRounding.AwayFromZero) : null;

    /// <summary>Filled and sent on: submitted or further along the chain.</summary>
    public bool IsSubmitted => State is FormState.Submitted or FormState.DepartmentApproved or FormState.DivisionApproved or FormState.Approved;

    public string? ReturnReason => State == FormState.Returned
        ? Steps.Where(s => s.Action == FormAction.Return).MaxBy(s => s.Seq)?.Opinion
        : null;

    /// <summary>A task of an opened round, with its fund part and execution light as of the cut-off.</summary>
    public static MonitoringTask Create(MonitoringRound round, TargetSubject subject, long? projectId, long orgUnitId, long? departmentId,
        long? targetId, decimal budget, decimal executed, bool isKey, WarningRules rules, DateTime nowUtc)
    {
        if (round.Id == 0) throw new InvalidOperationException("The round is saved before its tasks.");
        var task = new MonitoringTask
        {
            RoundId = round.Id, RegionCode = round.RegionCode, FiscalYear = round.FiscalYear, Subject = subject, ProjectId = projectId,
            OrgUnitId = orgUnitId, DepartmentId = departmentId, TargetId = targetId, IsKey = isKey, State = FormState.Pending,
            UpdatedAtUtc = nowUtc,
        };
        task.Refigure(budget, executed, round, rules);
        return task;
    }

    /// <summary>New fund figures as of the cut-off (the ledger changed, or rules did), and every light again.</summary>
    public void Refigure(decimal budget, decimal executed, MonitoringRound round, WarningRules rules)
    {
        Budget = budget;
        Executed = executed;
        Evaluate(round, rules);
    }

    /// <summary>
    /// Saves what the filler wrote. The rows follow <paramref name="indicators"/> (the targets in force at the
    /// cut-off); a row number not among them, or an actual value that cannot be read, is refused with its row.
    /// </summary>
    public void Fill(ReviewActor actor, ReturnInput input, IReadOnlyList<TargetIndicator> indicators, MonitoringRound round,
        WarningRules rules, DateTime nowUtc)
    {
        EnsureRound(round);
        if (!ReviewChains.Monitoring.CanEdit(Subject, State, actor.Role))
            throw new ConflictException(State is FormState.Pending or FormState.Returned
                ? $"监控表由{ReviewChains.Monitoring.FillerOf(Subject).Label()}填报，{actor.Role.Label()}不能修改。"
                : $"监控表“{State.Label()}”，不能修改；如需修改请由审核人退回。");
        if (input.ExpectedExecution is { } expected)
        {
            if (expected < 0) throw new DomainException($"全年预计执行数不能为负数，当前为 {Money.Format(expected)} 元。", "全年预计执行数");
            Money.EnsureValid(expected, "全年预计执行数");
        }
        var known = indicators.Select(i => i.Row).ToHashSet();
        var unknown = input.Rows.Select(r => r.Row).Where(r => !known.Contains(r)).Distinct().ToList();
        if (unknown.Count > 0)
            throw new DomainException($"绩效目标中没有第 {string.Join("、", unknown)} 行指标，请按监控表中的行号填写。", "指标");
        var duplicated = input.Rows.GroupBy(r => r.Row).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicated.Count > 0)
            throw new DomainException($"第 {string.Join("、", duplicated)} 行指标填写了不止一次。", "指标");
        var byRow = input.Rows.ToDictionary(r => r.Row);
        var rows = indicators.OrderBy(i => i.Row).Select(i => ReturnRow.From(i, byRow.GetValueOrDefault(i.Row))).ToList();
        var measures = (input.ExecutionMeasures ?? "").Trim();
        if (measures.Length > 1000) throw new DomainException("预算执行整改措施不超过 1000 字。", "整改措施");

        var previous = (Rows, ExpectedExecution, ExecutionCause, ExecutionMeasures);
        (Rows, ExpectedExecution, ExecutionCause, ExecutionMeasures) = (rows, input.ExpectedExecution, input.ExecutionCause, measures);
        var problems = Evaluate(round, rules);
        if (problems.Count > 0)
        {
            (Rows, ExpectedExecution, ExecutionCause, ExecutionMeasures) = previous;
            Evaluate(round, rules);
            throw new DomainException(string.Join("；", problems) + "。", "实际完成值");
        }
        FilledAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>
    /// 提交: every indicator reported; a red or yellow part explained (偏差原因 and 完成目标可能性); “完全不可能”
    /// comes with measures; 全年预计执行数 given. Every missing item is listed with its row.
    /// </summary>
    /// <param name="divisionStep">the region-year's setting: the funding division reviews before the performance division</param>
    public void Submit(ReviewActor actor, MonitoringRound round, bool divisionStep, DateTime nowUtc)
    {
        EnsureRound(round);
        var next = ReviewChains.Monitoring.Next(Subject, State, FormAction.Submit, actor.Role, divisionStep);
        var problems = new List<string>();
        if (FilledAtUtc is null)
            problems.Add("监控表尚未填写");
        if (ExpectedExecution is null)
            problems.Add("请填写全年预计执行数");
        if (ExecutionLight is Light.Red or Light.Yellow && ExecutionCause is null)
            problems.Add($"预算执行为{ExecutionLight.Label()}（{ExecutionExplanation}），请选择偏差原因");
        foreach (var row in Rows)
        {
            var where = $"第 {row.Row} 行“{row.Name}”";
            if (!row.IsFilled)
            {
                problems.Add(row.Comparison == Comparison.Qualitative ? $"{where}：请选择达成情况" : $"{where}：请填写实际完成值");
                continue;
            }
            if (row.Light is Light.Red or Light.Yellow)
            {
                if (row.Cause is null) problems.Add($"{where}为{row.Light.Value.Label()}，请选择偏差原因");
                if (row.Likelihood is null) problems.Add($"{where}为{row.Light.Value.Label()}，请选择完成目标可能性");
            }
            if (row.Likelihood == Likelihood.Impossible && row.Measures.Length == 0)
                problems.Add($"{where}：完成目标“完全不可能”，请写明整改措施");
        }
        if (problems.Count > 0)
            throw new DomainException("监控表还不能提交：" + string.Join("；", problems) + "。", "监控表");
        Move(FormAction.Submit, next, actor, nowUtc, null);
    }

    public void Approve(ReviewActor actor, string? opinion, MonitoringRound round, bool divisionStep, DateTime nowUtc)
    {
        EnsureRound(round);
        Move(FormAction.Approve, ReviewChains.Monitoring.Next(Subject, State, FormAction.Approve, actor.Role, divisionStep), actor, nowUtc, opinion);
    }

    /// <summary>退回修改: the reason is required and shown to the filler.</summary>
    public void Return(ReviewActor actor, string? reason, MonitoringRound round, DateTime nowUtc)
    {
        EnsureRound(round);
        var next = ReviewChains.Monitoring.Next(Subject, State, FormAction.Return, actor.Role, divisionStep: true);
        Move(FormAction.Return, next, actor, nowUtc, Reasons.Require(reason, "退回"));
    }

    /// <summary>财政重点监控: finance's own selection.</summary>
    public void MarkKey(bool isKey, DateTime nowUtc)
    {
        IsKey = isKey;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Every light of the task; returns the rows whose written actual value cannot be read.</summary>
    private List<string> Evaluate(MonitoringRound round, WarningRules rules)
    {
        var t = round.TimeProgress;
        var execution = Warnings.Execution(ExecutionRate, t, rules);
        ExecutionLight = execution.Light;
        ExecutionExplanation = execution.Explanation;
        var problems = Rows.Select(r => r.Evaluate(round.FiscalYear, t, rules)).OfType<string>().ToList();
        var parts = new List<(Light Light, string Sentence)> { (ExecutionLight, "预算执行：" + ExecutionExplanation) };
        parts.AddRange(Rows.Where(r => r.Light is not null).Select(r => (r.Light!.Value, $"第 {r.Row} 行“{r.Name}”：{r.Explanation}")));
        Light = Warnings.Worst(parts.Select(p => p.Light));
        var reason = Light == Light.Green ? "" : string.Join("；", parts.Where(p => p.Light == Light).Select(p => p.Sentence));
        LightReason = reason.Length <= 1000 ? reason : reason[..999] + "…";
        return problems;
    }

    private void EnsureRound(MonitoringRound round)
    {
        if (round.Id != RoundId) throw new InvalidOperationException("The task belongs to another round.");
        if (round.State != RoundState.Open)
            throw new ConflictException($"“{round.Title}”已结束，监控表不能再填报或审核。");
    }

    private void Move(FormAction action, FormState next, ReviewActor actor, DateTime nowUtc, string? opinion)
    {
        var from = State;
        State = next;
        UpdatedAtUtc = nowUtc;
        Steps.Add(FormStep.Stamp(Steps.Count + 1, action, from, next, actor, nowUtc, opinion));
    }
}
