using Jixiao.Domain.Access;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Evaluations;

/// <summary>The year's figures from the ledger (as of 31 December) that prefill a self-evaluation.</summary>
/// <param name="InitialBudget">年初预算数</param>
/// <param name="AdjustedBudget">全年预算数 (A), after every adjustment</param>
/// <param name="Executed">全年执行数 (B)</param>
public sealed record EvaluationFunds(decimal InitialBudget, decimal AdjustedBudget, decimal Executed)
{
    public static EvaluationFunds From(LedgerFigures figures) => new(figures.InitialBudget, figures.AdjustedBudget, figures.Executed);
}

/// <summary>What a form (page, API, Excel) sends for one indicator row of a self-evaluation.</summary>
/// <param name="Row">the indicator's row number in the approved targets</param>
/// <param name="Actual">实际完成值 (a number, or a date for 时效 indicators; optional words for a qualitative one)</param>
/// <param name="Outcome">for a qualitative indicator: 达成 / 部分达成 / 未达成</param>
/// <param name="Weight">分值 as the form shows it (prefilled with the reference 分值)</param>
/// <param name="Score">得分, the unit's own</param>
/// <param name="Reason">偏差原因分析及改进措施</param>
public sealed record EvaluationRowInput(int Row, string? Actual = null, QualitativeOutcome? Outcome = null, decimal? Weight = null,
    decimal? Score = null, string? Reason = null);

/// <summary>
/// What a unit fills in. <paramref name="AdjustedBudget"/> and <paramref name="Executed"/> are the A and B the form
/// shows: null keeps the ledger's figures (the page does not let them be typed; an imported sheet carries them).
/// </summary>
/// <param name="GoalCompletion">年度总体目标完成情况</param>
/// <param name="Total">总分 as printed on an imported sheet; null (a form filled in the product) sums the 预算执行率 得分 and
/// every row's 得分 — a printed total that differs from that sum stays as printed and is a finding</param>
/// <param name="ExecutionWeightReason">why the form's 预算执行率 分值 differs from the region-year's setting</param>
public sealed record SelfEvaluationInput(string? GoalCompletion, decimal? ExecutionWeight, decimal? ExecutionScore,
    IReadOnlyList<EvaluationRowInput> Rows, decimal? Total, decimal? AdjustedBudget = null, decimal? Executed = null,
    string? ExecutionWeightReason = null);

/// <summary>One indicator row of a self-evaluation: the approved target, what the unit wrote, and the reference score with its sentence.</summary>
public sealed class SelfEvaluationRow
{
    private SelfEvaluationRow() { }

    public int Row { get; private set; }
    public string Level1 { get; private set; } = "";
    public string Level2 { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Comparison Comparison { get; private set; }
    /// <summary>年度指标值 as approved.</summary>
    public string TargetValue { get; private set; } = "";
    public string Unit { get; private set; } = "";
    /// <summary>The weight the approved target gave the row, if any.</summary>
    public decimal? TargetWeight { get; private set; }
    public decimal ReferenceWeight { get; private set; }
    /// <summary>How <see cref="ReferenceWeight"/> was obtained ("产出指标 50 分由 3 个指标平分").</summary>
    public string WeightBasis { get; private set; } = "";

    /// <summary>实际完成值 as written.</summary>
    public string Actual { get; private set; } = "";
    public QualitativeOutcome? Outcome { get; private set; }
    /// <summary>分值 as the form says.</summary>
    public decimal? Weight { get; private set; }
    /// <summary>得分 as the unit scored it.</summary>
    public decimal? Score { get; private set; }
    /// <summary>偏差原因分析及改进措施</summary>
    public string Reason { get; private set; } = "";

    /// <summary>The reviewer's direction from the target form (null: read from the name, <see cref="ReverseIndicators"/>).</summary>
    public IndicatorDirection? Direction { get; private set; }

    /// <summary>Null when it cannot be computed: the target or the actual cannot be read (never a silent 0).</summary>
    public decimal? ReferenceScore { get; private set; }
    public Attainment Attainment { get; private set; }
    /// <summary>actual ÷ target of a positive quantitative row (1.3 = 130%).</summary>
    public decimal? Completion { get; private set; }
    /// <summary>The sentence that explains <see cref="ReferenceScore"/>.</summary>
    public string Explanation { get; private set; } = "";
    /// <summary>Why <see cref="Actual"/> cannot be read, or "".</summary>
    public string ActualProblem { get; private set; } = "";
    /// <summary>Why <see cref="TargetValue"/> cannot be read, or "" (recomputed with the score, not stored).</summary>
    public string TargetProblem { get; private set; } = "";
    /// <summary>An actual written as a threshold ("≥98%"), or "" (recomputed with the score, not stored).</summary>
    public string ActualNote { get; private set; } = "";

    /// <summary>定性, or a criterion row of a 决策 / 管理 table (target "—"): judged by the grade the unit chose.</summary>
    public bool IsQualitative => Comparison == Comparison.Qualitative || ReferenceScoring.IsCriterion(Level1, TargetValue);

    public bool IsFilled => IsQualitative ? Outcome is not null : Actual.Length > 0;

    internal static SelfEvaluationRow From(TargetIndicator indicator, decimal referenceWeight) => new()
    {
        Row = indicator.Row,
        Level1 = indicator.Level1,
        Level2 = indicator.Level2,
        Name = indicator.Name,
        Comparison = indicator.Comparison,
        TargetValue = indicator.TargetValue,
        Unit = indicator.Unit,
        TargetWeight = indicator.Weight,
        Direction = indicator.Direction,
        Weight = referenceWeight,
    };

    public EvaluationRowInput ToInput() => new(Row, Actual, Outcome, Weight, Score, Reason);

    /// <summary>The row's input checked (texts trimmed, figures in hundredths), ready for <see cref="Write"/>.</summary>
    internal EvaluationRowInput Read(EvaluationRowInput? input) => new(Row,
        Clean(input?.Actual, 200, "实际完成值"),
        IsQualitative ? input?.Outcome : null,
        SelfEvaluation.Hundredths(input?.Weight, $"第 {Row} 行分值"),
        SelfEvaluation.Hundredths(input?.Score, $"第 {Row} 行得分"),
        Clean(input?.Reason, 1000, "偏差原因分析及改进措施"));

    internal void Write(EvaluationRowInput read) =>
        (Actual, Outcome, Weight, Score, Reason) = (read.Actual ?? "", read.Outcome, read.Weight, read.Score, read.Reason ?? "");

    internal void Recompute(int year, RowWeight weight, IReadOnlyList<string> reverseWords)
    {
        ReferenceWeight = weight.Weight;
        WeightBasis = weight.Basis;
        var reading = ReferenceScoring.Row(
            new IndicatorRow(Name, Level1, Comparison, TargetValue, Unit, Direction, IsQualitative ? "" : Actual, Outcome, Score, Weight),
            weight.Weight, year, reverseWords);
        (ActualProblem, TargetProblem, ActualNote) = (reading.ActualProblem, reading.TargetProblem, reading.ActualNote);
        Apply(reading.Score);
    }

    private void Apply(RowScore score)
    {
        ReferenceScore = score.Score;
        Attainment = score.Attainment;
        Completion = score.Completion;
        Explanation = score.Explanation;
    }

    private string Clean(string? text, int max, string field)
    {
        var value = (text ?? "").Trim();
        return value.Length <= max ? value : throw new DomainException($"第 {Row} 行{field}超过 {max} 个字。", field);
    }
}


/// <summary>
/// 项目支出绩效自评表 of one project (or 部门整体 of one department) for a year (DOMAIN.md §4.4): prefilled with
/// 年初预算数, A and B from the ledger and the indicator rows of the approved targets; the unit writes 实际完成值,
/// its 分值 and 得分, 偏差原因分析及改进措施 and 年度总体目标完成情况. Every save recomputes the reference score (row by
/// row, with sentences) and the findings; blocking findings stop a submit, warnings travel with the form.
/// Unprefixed figures are what the form says; <c>Ledger…</c> and <c>Reference…</c> are what Jixiao computed.
/// </summary>
public sealed class SelfEvaluation : IOrgOwned, IReviewed<FormState>
{
    /// <summary>The row number findings use for the 预算执行率 row.</summary>
    public const int ExecutionRow = 0;

    private SelfEvaluation() { }

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public TargetSubject Subject { get; private set; }
    public long? ProjectId { get; private set; }
    /// <summary>The filler's organisation: the project's unit, or the department itself.</summary>
    public long OrgUnitId { get; private set; }
    public long? DepartmentId { get; private set; }
    /// <summary>The approved version of targets the form evaluates.</summary>
    public long TargetId { get; private set; }
    public int TargetVersion { get; private set; }
    public FormState State { get; private set; }
    /// <summary>年度目标 of the approved targets.</summary>
    public string AnnualGoal { get; private set; } = "";
    /// <summary>年度总体目标完成情况, written by the unit.</summary>
    public string GoalCompletion { get; private set; } = "";

    /// <summary>年初预算数 (ledger).</summary>
    public decimal InitialBudget { get; private set; }
    /// <summary>全年预算数 A (ledger, adjusted).</summary>
    public decimal LedgerAdjustedBudget { get; private set; }
    /// <summary>全年执行数 B (ledger).</summary>
    public decimal LedgerExecuted { get; private set; }
    /// <summary>A as the form says (prefilled from the ledger).</summary>
    public decimal AdjustedBudget { get; private set; }
    /// <summary>B as the form says (prefilled from the ledger).</summary>
    public decimal Executed { get; private set; }

    /// <summary>预算执行率 分值 as the form says (prefilled from the settings).</summary>
    public decimal? ExecutionWeight { get; private set; }
    /// <summary>预算执行率 得分 as the unit scored it.</summary>
    public decimal? ExecutionScore { get; private set; }
    /// <summary>Why <see cref="ExecutionWeight"/> differs from the region-year's 预算执行率 分值 (real forms use 10 or 20).</summary>
    public string ExecutionWeightReason { get; private set; } = "";
    public decimal ReferenceExecutionWeight { get; private set; }
    public decimal ReferenceExecutionScore { get; private set; }
    public string ExecutionExplanation { get; private set; } = "";

    /// <summary>总分 as the unit wrote it.</summary>
    public decimal? Total { get; private set; }
    /// <summary>Sum of the rounded reference row scores.</summary>
    public decimal ReferenceTotal { get; private set; }
    public Grade ReferenceGrade { get; private set; }
    /// <summary>The configured total the grades are read against (100 by default).</summary>
    public decimal MaxScore { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public DateTime? FilledAtUtc { get; private set; }
    public List<SelfEvaluationRow> Rows { get; private set; } = [];
    public List<FormStep> Steps { get; private set; } = [];
    /// <summary>The findings of the last save, form first, then the execution row, then the rows.</summary>
    public List<EvaluationFinding> Findings { get; private set; } = [];

    /// <summary>执行率 B ÷ A on the ledger figures (4 decimals), null when A is 0.</summary>
    public decimal? ExecutionRate => LedgerAdjustedBudget > 0
        ? decimal.Round(LedgerExecuted / LedgerAdjustedBudget, 4, MidpointRounding.AwayFromZero)
        : null;

    /// <summary>The grade of the unit's own total, once it wrote one.</summary>
    public Grade? Grade => Total is { } total ? ReferenceScoring.GradeOf(total, MaxScore) : null;

    public bool HasBlockingFindings => Findings.Any(f => f.Blocking);

    public string? ReturnReason => State == FormState.Returned
        ? Steps.Where(s => s.Action == FormAction.Return).MaxBy(s => s.Seq)?.Opinion
        : null;

    /// <param name="target">the project's approved targets in force at the year's end</param>
    public static SelfEvaluation ForProject(Project project, PerformanceTarget target, EvaluationFunds funds, EvaluationWeights weights, DateTime nowUtc)
    {
        if (project.IsPool)
            throw new DomainException($"“{project.Name}”是待分资金项目，由分配到资金的项目分别自评。", "项目");
        if (target.Subject != TargetSubject.Project || target.ProjectId != project.Id)
            throw new InvalidOperationException("The targets passed are not the project's.");
        return New(project.RegionCode, project.FiscalYear, TargetSubject.Project, project.Id, project.OrgUnitId, project.DepartmentId,
            target, funds, weights, nowUtc);
    }

    /// <param name="funds">the department's figures (its projects summed by the caller)</param>
    public static SelfEvaluation ForDepartment(OrgUnit department, int fiscalYear, PerformanceTarget target, EvaluationFunds funds,
        EvaluationWeights weights, DateTime nowUtc)
    {
        FiscalYears.EnsureValid(fiscalYear);
        if (department.Kind != OrgKind.Department)
            throw new DomainException($"“{department.Name}”不是部门，部门整体自评只能由部门填报。", "部门");
        if (target.Subject != TargetSubject.Department || target.OrgUnitId != department.Id)
            throw new InvalidOperationException("The targets passed are not the department's overall targets.");
        return New(department.RegionCode, fiscalYear, TargetSubject.Department, null, department.Id, department.Id, target, funds, weights, nowUtc);
    }

    private static SelfEvaluation New(string region, int year, TargetSubject subject, long? projectId, long orgUnitId, long? departmentId,
        PerformanceTarget target, EvaluationFunds funds, EvaluationWeights weights, DateTime nowUtc)
    {
        weights.Validated();
        if (target.FiscalYear != year)
            throw new InvalidOperationException("The targets passed are of another year.");
        if (target.State != TargetState.Approved)
            throw new DomainException(
                $"{subject.Label()}第 {target.Version} 版为“{target.State.Label()}”：自评按已批复的绩效目标进行，请先完成目标审核。", "绩效目标");
        foreach (var (amount, field) in new[] { (funds.InitialBudget, "年初预算数"), (funds.AdjustedBudget, "全年预算数"), (funds.Executed, "全年执行数") })
        {
            Money.EnsureValid(amount, field);
            if (amount < 0) throw new DomainException($"{field}不能为负数，当前为 {Money.Format(amount)} 元。", field);
        }
        var indicators = target.Indicators.OrderBy(i => i.Row).ToList();
        var rowWeights = ReferenceScoring.Weights(indicators.Select(i => (i.Level1, i.Weight)).ToList(), weights);
        var evaluation = new SelfEvaluation
        {
            RegionCode = region, FiscalYear = year, Subject = subject, ProjectId = projectId, OrgUnitId = orgUnitId, DepartmentId = departmentId,
            TargetId = target.Id, TargetVersion = target.Version, State = FormState.Pending, AnnualGoal = target.AnnualGoal,
            InitialBudget = funds.InitialBudget, LedgerAdjustedBudget = funds.AdjustedBudget, LedgerExecuted = funds.Executed,
            AdjustedBudget = funds.AdjustedBudget, Executed = funds.Executed, ExecutionWeight = weights.Execution,
            CreatedAtUtc = nowUtc, UpdatedAtUtc = nowUtc,
            Rows = indicators.Select((i, k) => SelfEvaluationRow.From(i, rowWeights[k].Weight)).ToList(),
        };
        evaluation.Recompute(weights);
        return evaluation;
    }

    /// <summary>
    /// Saves what the filler wrote and returns the findings. Rows follow the approved targets: a row left out of
    /// <paramref name="input"/> is saved blank; a row number not among them, a figure with more than two decimals or an
    /// over-long text is refused with its row. Everything else a unit can get wrong is a finding, not an error, so a
    /// draft can always be saved.
    /// </summary>
    public IReadOnlyList<EvaluationFinding> Fill(ReviewActor actor, SelfEvaluationInput input, EvaluationWeights weights, DateTime nowUtc)
    {
        if (!ReviewChains.SelfEvaluation.CanEdit(Subject, State, actor.Role))
            throw new ConflictException(State is FormState.Pending or FormState.Returned
                ? $"自评表由{ReviewChains.SelfEvaluation.FillerOf(Subject).Label()}填报，{actor.Role.Label()}不能修改。"
                : $"自评表“{State.Label()}”，不能修改；如需修改请由审核人退回。");
        weights.Validated();
        var known = Rows.Select(r => r.Row).ToHashSet();
        var unknown = input.Rows.Select(r => r.Row).Where(r => !known.Contains(r)).Distinct().ToList();
        if (unknown.Count > 0)
            throw new DomainException($"绩效目标中没有第 {string.Join("、", unknown)} 行指标，请按自评表中的行号填写。", "指标");
        var duplicated = input.Rows.GroupBy(r => r.Row).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicated.Count > 0)
            throw new DomainException($"第 {string.Join("、", duplicated)} 行指标填写了不止一次。", "指标");
        var goalCompletion = (input.GoalCompletion ?? "").Trim();
        if (goalCompletion.Length > 2000)
            throw new DomainException("年度总体目标完成情况不超过 2000 字。", "年度总体目标完成情况");
        var executionWeightReason = (input.ExecutionWeightReason ?? "").Trim();
        if (executionWeightReason.Length > 500)
            throw new DomainException("预算执行率分值的调整理由不超过 500 字。", "分值调整理由");
        var adjusted = input.AdjustedBudget ?? LedgerAdjustedBudget;
        var executed = input.Executed ?? LedgerExecuted;
        Money.EnsureValid(adjusted, "全年预算数（A）");
        Money.EnsureValid(executed, "全年执行数（B）");
        var executionWeight = Hundredths(input.ExecutionWeight, "预算执行率分值");
        var executionScore = Hundredths(input.ExecutionScore, "预算执行率得分");
        var byRow = input.Rows.ToDictionary(r => r.Row);
        var rows = Rows.OrderBy(r => r.Row).Select(row => (Row: row, Read: row.Read(byRow.GetValueOrDefault(row.Row)))).ToList();
        var total = Hundredths(input.Total, "总分") ?? SumOfScores(executionScore, rows.Select(r => r.Read.Score));

        foreach (var (row, read) in rows)
            row.Write(read);
        (GoalCompletion, AdjustedBudget, Executed, ExecutionWeight, ExecutionScore, Total, ExecutionWeightReason) =
            (goalCompletion, adjusted, executed, executionWeight, executionScore, total, executionWeightReason);
        Recompute(weights);
        FilledAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        return Findings;
    }

    /// <summary>
    /// The ledger or the region-year's settings changed: new A and B (the form's A and B follow when they still
    /// showed the old ledger figures), reference and findings again. Not after the form is approved. Returns whether
    /// anything the form shows changed; only then is it stamped as updated.
    /// </summary>
    public bool Refigure(EvaluationFunds funds, EvaluationWeights weights, DateTime nowUtc)
    {
        if (State == FormState.Approved)
            throw new ConflictException("自评表已审核，不再随账面或评分设置重新计算。");
        weights.Validated();
        var before = Figures();
        if (AdjustedBudget == LedgerAdjustedBudget) AdjustedBudget = funds.AdjustedBudget;
        if (Executed == LedgerExecuted) Executed = funds.Executed;
        (InitialBudget, LedgerAdjustedBudget, LedgerExecuted) = (funds.InitialBudget, funds.AdjustedBudget, funds.Executed);
        Recompute(weights);
        if (Figures().SequenceEqual(before)) return false;
        UpdatedAtUtc = nowUtc;
        return true;
    }

    /// <summary>Everything a refigure can change, compared by value (5.00 equals 5), rows in their order (a form read back may list them otherwise).</summary>
    private List<object?> Figures() => new object?[]
        {
            InitialBudget, LedgerAdjustedBudget, LedgerExecuted, AdjustedBudget, Executed, MaxScore, ReferenceExecutionWeight, ReferenceExecutionScore,
            ExecutionExplanation, ReferenceTotal, ReferenceGrade,
        }.Concat(Rows.OrderBy(r => r.Row).SelectMany(r => new object?[] { r.ReferenceWeight, r.WeightBasis, r.ReferenceScore, r.Explanation }))
        .Concat(Findings).ToList();

    /// <summary>提交: refused while any blocking finding remains, listing every one of them.</summary>
    /// <param name="divisionStep">the region-year's setting: the funding division reviews before the performance division</param>
    public void Submit(ReviewActor actor, EvaluationWeights weights, bool divisionStep, DateTime nowUtc)
    {
        var next = ReviewChains.SelfEvaluation.Next(Subject, State, FormAction.Submit, actor.Role, divisionStep);
        weights.Validated();
        Recompute(weights);
        var blocking = Findings.Where(f => f.Blocking).ToList();
        if (blocking.Count > 0)
            throw new DomainException($"自评表还有 {blocking.Count} 处问题，不能提交：{string.Join("；", blocking.Select(f => f.Message))}。", "自评表");
        Move(FormAction.Submit, next, actor, nowUtc, null);
    }

    public void Approve(ReviewActor actor, string? opinion, bool divisionStep, DateTime nowUtc) =>
        Move(FormAction.Approve, ReviewChains.SelfEvaluation.Next(Subject, State, FormAction.Approve, actor.Role, divisionStep), actor, nowUtc, opinion);

    /// <summary>退回修改: the reason is required and shown to the filler.</summary>
    public void Return(ReviewActor actor, string? reason, DateTime nowUtc)
    {
        var next = ReviewChains.SelfEvaluation.Next(Subject, State, FormAction.Return, actor.Role, divisionStep: true);
        Move(FormAction.Return, next, actor, nowUtc, Reasons.Require(reason, "退回"));
    }

    /// <summary>A 分值 or 得分 as typed: whole hundredths only.</summary>
    /// <summary>总分 of a form filled in the product: the 预算执行率 得分 plus every row's 得分, or null while any of them is blank.</summary>
    public static decimal? SumOfScores(decimal? executionScore, IEnumerable<decimal?> rowScores)
    {
        var scores = rowScores.Prepend(executionScore).ToList();
        return scores.All(s => s is not null) ? scores.Sum(s => s!.Value) : null;
    }

    internal static decimal? Hundredths(decimal? value, string field) =>
        value is { } v && decimal.Round(v, 2) != v
            ? throw new DomainException($"{field} {v} 超过两位小数，请保留两位小数。", field)
            : value;

    /// <summary>
    /// The reference figures and findings. The 预算执行率 row carries the form's own 分值 (10 or 20 on real forms) when it is
    /// within 0–总分 and the form says why it differs from the setting (<see cref="ConsistencyCheck"/> asks for that reason);
    /// the indicators share the rest. Without a reason the setting holds. A form whose own 分值 do not add up to the total is scored against its own 分值 (never
    /// rescaled in silence): <see cref="MaxScore"/> is then their sum and the finding shows the total normalised to 100.
    /// </summary>
    private void Recompute(EvaluationWeights weights)
    {
        Rows.Sort((a, b) => a.Row.CompareTo(b.Row));
        var formWeights = ExecutionWeight is { } own && own >= 0 && own <= weights.Total && ExecutionWeightReason.Length > 0
            ? weights with { Execution = own }
            : weights;
        var ownTotal = OwnWeightTotal();
        var scoredOnOwn = ownTotal is { } sum && sum != weights.Total && sum > 0;
        MaxScore = scoredOnOwn ? ownTotal!.Value : weights.Total;
        var execution = ReferenceScoring.Execution(LedgerAdjustedBudget, LedgerExecuted, formWeights.Execution);
        (ReferenceExecutionWeight, ReferenceExecutionScore, ExecutionExplanation) = (execution.Weight, execution.Score!.Value, execution.Explanation);
        var rowWeights = scoredOnOwn
            ? Rows.Select(r => new RowWeight(r.Weight!.Value, $"按自评表中的分值 {Scores.Format(r.Weight.Value)}（各行分值合计 {Scores.Format(ownTotal!.Value)} 分，不折算）")).ToList()
            : ReferenceScoring.Weights(Rows.Select(r => (r.Level1, r.TargetWeight)).ToList(), formWeights);
        for (var i = 0; i < Rows.Count; i++)
            Rows[i].Recompute(FiscalYear, rowWeights[i], weights.ReverseWords);
        ReferenceTotal = ReferenceExecutionScore + Rows.Sum(r => r.ReferenceScore ?? 0m);
        ReferenceGrade = ReferenceScoring.GradeOf(ReferenceTotal, MaxScore);
        var findings = ConsistencyCheck.Check(this, weights).ToList();
        // The same findings keep their rows, so an unchanged form is not rewritten.
        if (!findings.SequenceEqual(Findings)) Findings = findings;
    }

    /// <summary>预算执行率 分值 plus every row's 分值 as the form says, or null while any is blank.</summary>
    internal decimal? OwnWeightTotal() =>
        ExecutionWeight is { } execution && Rows.All(r => r.Weight is not null) ? execution + Rows.Sum(r => r.Weight!.Value) : null;

    private void Move(FormAction action, FormState next, ReviewActor actor, DateTime nowUtc, string? opinion)
    {
        var from = State;
        State = next;
        UpdatedAtUtc = nowUtc;
        Steps.Add(FormStep.Stamp(Steps.Count + 1, action, from, next, actor, nowUtc, opinion));
    }
}
