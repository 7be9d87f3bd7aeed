using Jixiao.Domain.Access;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Reviews;

namespace Jixiao.Domain.Targets;

/// <summary>One 三级 indicator row of a target form.</summary>
public sealed class TargetIndicator
{
    private TargetIndicator() { }

    public int Row { get; private set; }
    public string Level1 { get; private set; } = "";
    public string Level2 { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Comparison Comparison { get; private set; }
    /// <summary>指标值 as written (the parser reads it; nothing is rewritten).</summary>
    public string TargetValue { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public ValueBasis Basis { get; private set; }
    public decimal? Weight { get; private set; }
    /// <summary>指标解释</summary>
    public string Explanation { get; private set; } = "";
    /// <summary>评（扣）分标准</summary>
    public string ScoringStandard { get; private set; } = "";
    /// <summary>The library entry it was picked from (引用指标), if any.</summary>
    public long? LibraryEntryId { get; private set; }
    /// <summary>方向 as the filler or a reviewer confirmed it; null: a bare target is read by the name (<see cref="ReverseIndicators"/>).</summary>
    public IndicatorDirection? Direction { get; private set; }

    public static TargetIndicator From(int row, TargetIndicatorInput input) => new()
    {
        Row = row,
        Level1 = Clean(input.Level1, 20),
        Level2 = Clean(input.Level2, 30),
        Name = Clean(input.Name, 200),
        Comparison = input.Comparison,
        TargetValue = Clean(input.TargetValue, 200),
        Unit = Clean(input.Unit, 30),
        Basis = input.Basis,
        Weight = input.Weight,
        Explanation = Clean(input.Explanation, 1000),
        ScoringStandard = Clean(input.ScoringStandard, 1000),
        LibraryEntryId = input.LibraryEntryId,
        Direction = input.Direction,
    };

    public TargetIndicatorInput ToInput() =>
        new(Level1, Level2, Name, Comparison, TargetValue, Unit, Basis, Weight, Explanation, ScoringStandard, LibraryEntryId, Direction);

    /// <summary>The written value read with the row's comparison, unit, name and year.</summary>
    public ParseResult Parse(int? year) => IndicatorValueParser.Parse(TargetValue, Unit, Name, Comparison, year);

    /// <summary>The value for display: the parser's canonical form ("≥72 个"), or the comparison and the text as written.</summary>
    public string Display(int? year) => Parse(year) is { Success: true } parsed
        ? parsed.Value.Normalized
        : $"{Comparison.Label()} {TargetValue}{(Unit.Length > 0 && !TargetValue.EndsWith(Unit, StringComparison.Ordinal) ? " " + Unit : "")}";

    private static string Clean(string? text, int max)
    {
        var value = (text ?? "").Trim();
        return value.Length <= max ? value : throw new DomainException($"“{value[..Math.Min(20, value.Length)]}…”超过 {max} 个字符。");
    }
}

/// <summary>What a form (page, API, Excel) sends for one indicator row.</summary>
public sealed record TargetIndicatorInput(
    string Level1, string Level2, string Name, Comparison Comparison, string TargetValue, string Unit,
    ValueBasis Basis = ValueBasis.Plan, decimal? Weight = null, string Explanation = "", string ScoringStandard = "",
    long? LibraryEntryId = null, IndicatorDirection? Direction = null);

/// <summary>Who acted, as stamped on a review step.</summary>
public sealed record ReviewActor(long? UserId, string UserName, Role Role);

/// <summary>One stamped step of the targets' review chain, with the grade it gave (优 良 中 差).</summary>
public sealed class ReviewStep : ChainStep<TargetState, ReviewAction>
{
    private ReviewStep() { }

    public ReviewGrade? Grade { get; private set; }

    internal static ReviewStep Stamp(int seq, ReviewAction action, TargetState from, TargetState to, ReviewActor actor, DateTime atUtc,
        string? opinion, ReviewGrade? grade)
    {
        var step = new ReviewStep { Grade = grade };
        step.Record(seq, action, from, to, actor, atUtc, opinion);
        return step;
    }
}

/// <summary>
/// One version of the performance targets (绩效目标) of a project or of a department as a whole: 总体目标,
/// 年度目标 and indicator rows, with the review chain stamped on it. Approved versions are locked; an
/// adjustment opens the next version, and every version stays readable.
/// </summary>
public sealed class PerformanceTarget : IOrgOwned, IReviewed<TargetState>
{
    private PerformanceTarget() { }

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public TargetSubject Subject { get; private set; }
    public long? ProjectId { get; private set; }
    /// <summary>The filler's organisation: the unit of a project, or the department itself.</summary>
    public long OrgUnitId { get; private set; }
    /// <summary>The department whose reviewer and funding division handle it (null for a finance-held pool).</summary>
    public long? DepartmentId { get; private set; }
    /// <summary>One key per subject across versions: <c>P{projectId}</c> or <c>D{departmentId}/{year}</c>.</summary>
    public string SubjectKey { get; private set; } = "";
    public int Version { get; private set; }
    public TargetState State { get; private set; }
    /// <summary>总体目标 (project, medium term) or 战略目标 (department).</summary>
    public string OverallGoal { get; private set; } = "";
    /// <summary>年度目标 (project) or 年度职责目标 (department).</summary>
    public string AnnualGoal { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public DateTime? ApprovedAtUtc { get; private set; }
    public List<TargetIndicator> Indicators { get; private set; } = [];
    public List<ReviewStep> Steps { get; private set; } = [];

    public bool IsLocked => State is TargetState.Approved or TargetState.Superseded or TargetState.Rejected;

    /// <summary>The reason of the latest return, for the filler to see while the version is back with them.</summary>
    public string? ReturnReason => State == TargetState.Returned
        ? Steps.Where(s => s.Action == ReviewAction.Return).MaxBy(s => s.Seq)?.Opinion
        : null;

    public static PerformanceTarget ForProject(Project project, DateTime nowUtc)
    {
        if (project.IsPool)
            throw new DomainException($"“{project.Name}”是待分资金项目，绩效目标随分配到具体项目后填报。", "项目");
        return New(project.RegionCode, project.FiscalYear, TargetSubject.Project, project.Id, project.OrgUnitId, project.DepartmentId, nowUtc);
    }

    public static PerformanceTarget ForDepartment(OrgUnit department, int fiscalYear, DateTime nowUtc)
    {
        FiscalYears.EnsureValid(fiscalYear);
        if (department.Kind != OrgKind.Department)
            throw new DomainException($"“{department.Name}”不是部门，部门整体绩效目标只能由部门填报。", "部门");
        return New(department.RegionCode, fiscalYear, TargetSubject.Department, null, department.Id, department.Id, nowUtc);
    }

    private static PerformanceTarget New(string region, int year, TargetSubject subject, long? projectId, long orgUnitId, long? departmentId,
        DateTime nowUtc) => new()
    {
        RegionCode = region, FiscalYear = year, Subject = subject, ProjectId = projectId, OrgUnitId = orgUnitId,
        DepartmentId = departmentId, Version = 1, State = TargetState.Draft, CreatedAtUtc = nowUtc, UpdatedAtUtc = nowUtc,
        SubjectKey = subject == TargetSubject.Project ? $"P{projectId}" : $"D{orgUnitId}/{year}",
    };

    /// <summary>
    /// Replaces goals and indicators. Allowed to the filler on a draft or returned version, and to a finance
    /// reviewer on a version in its queue (财政完善, stamped). Blocking quality issues are refused on a
    /// reviewer's edit, as on a submit; the filler may save a draft with them (they show as warnings).
    /// </summary>
    public IReadOnlyList<QualityIssue> Edit(ReviewActor actor, string? overallGoal, string? annualGoal,
        IReadOnlyList<TargetIndicatorInput> indicators, TargetCheckContext context, DateTime nowUtc)
    {
        if (!ReviewChains.Targets.CanEdit(Subject, State, actor.Role))
            throw new ConflictException(IsLocked
                ? $"{Subject.Label()}第 {Version} 版“{State.Label()}”，已锁定不能修改。"
                : $"当前状态“{State.Label()}”下，{actor.Role.Label()}不能修改{Subject.Label()}。");
        var goal = (overallGoal ?? "").Trim();
        var annual = (annualGoal ?? "").Trim();
        if (goal.Length > 2000 || annual.Length > 2000)
            throw new DomainException("总体目标和年度目标各不超过 2000 字。", "目标");
        var rows = indicators.Select((input, i) => TargetIndicator.From(i + 1, input)).ToList();
        // The same indicator twice cannot be compared with the next version, monitored or scored row by row.
        if (rows.GroupBy(r => (r.Level2, r.Name)).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new DomainException(
                $"第 {string.Join("、", twice.Select(r => r.Row))} 行是同一个指标（{twice.Key.Level2}“{twice.Key.Name}”），每个指标只填一行，请合并或删除重复的行。", "指标");
        var issues = TargetQuality.Check(Subject, annual, goal, rows, context);
        var refining = State is not (TargetState.Draft or TargetState.Returned);
        if (refining)
            EnsureNoBlocking(issues);
        OverallGoal = goal;
        AnnualGoal = annual;
        Indicators = rows;
        UpdatedAtUtc = nowUtc;
        if (refining)
            AddStep(ReviewAction.Refine, State, actor, nowUtc, "财政审核中完善了目标", ReviewGrade.Good);
        return issues;
    }

    public void Submit(ReviewActor actor, TargetCheckContext context, DateTime nowUtc)
    {
        var next = ReviewChains.Targets.Next(Subject, State, ReviewAction.Submit, actor.Role);
        EnsureNoBlocking(TargetQuality.Check(Subject, AnnualGoal, OverallGoal, Indicators, context));
        Move(ReviewAction.Submit, next, actor, nowUtc, null, null);
    }

    /// <param name="grade">优 or 良</param>
    public void Approve(ReviewActor actor, ReviewGrade grade, string? opinion, DateTime nowUtc)
    {
        var next = ReviewChains.Targets.Next(Subject, State, ReviewAction.Approve, actor.Role);
        if (grade is not (ReviewGrade.Excellent or ReviewGrade.Good))
            throw new DomainException($"审核通过的等级应为“优”或“良”；“{grade.Label()}”请选择{(grade == ReviewGrade.Fair ? "退回修改" : "审核不通过")}。", "等级");
        Move(ReviewAction.Approve, next, actor, nowUtc, opinion, grade);
        if (next == TargetState.Approved) ApprovedAtUtc = nowUtc;
    }

    /// <summary>退回修改 (grade 中). The reason is required and shown to the filler.</summary>
    public void Return(ReviewActor actor, string? reason, DateTime nowUtc)
    {
        var next = ReviewChains.Targets.Next(Subject, State, ReviewAction.Return, actor.Role);
        Move(ReviewAction.Return, next, actor, nowUtc, Reasons.Require(reason, "退回"), ReviewGrade.Fair);
    }

    /// <summary>审核不通过 (grade 差): the version cannot enter budget compilation.</summary>
    public void Reject(ReviewActor actor, string? reason, DateTime nowUtc)
    {
        var next = ReviewChains.Targets.Next(Subject, State, ReviewAction.Reject, actor.Role);
        Move(ReviewAction.Reject, next, actor, nowUtc, Reasons.Require(reason, "审核不通过"), ReviewGrade.Poor);
    }

    /// <summary>
    /// 申请调整: a new draft version copied from this approved one. This version stays approved (and in
    /// force) until the new one is approved; then <see cref="Supersede"/> retires it.
    /// </summary>
    public PerformanceTarget Adjust(ReviewActor actor, string? reason, DateTime nowUtc)
    {
        ReviewChains.Targets.Next(Subject, State, ReviewAction.Adjust, actor.Role);
        var why = Reasons.Require(reason, "调整");
        var draft = New(RegionCode, FiscalYear, Subject, ProjectId, OrgUnitId, DepartmentId, nowUtc);
        draft.Version = Version + 1;
        draft.OverallGoal = OverallGoal;
        draft.AnnualGoal = AnnualGoal;
        draft.Indicators = Indicators.Select(i => TargetIndicator.From(i.Row, i.ToInput())).ToList();
        draft.AddStep(ReviewAction.Adjust, TargetState.Approved, actor, nowUtc, why, null);
        return draft;
    }

    /// <summary>Retires this approved version because <paramref name="newer"/> (of the same subject) was approved.</summary>
    public void Supersede(PerformanceTarget newer)
    {
        if (State != TargetState.Approved || newer.State != TargetState.Approved || newer.Version <= Version
            || newer.Subject != Subject || newer.ProjectId != ProjectId || newer.OrgUnitId != OrgUnitId || newer.FiscalYear != FiscalYear)
            throw new ConflictException($"第 {Version} 版不能被第 {newer.Version} 版替代。");
        State = TargetState.Superseded;
    }

    private void Move(ReviewAction action, TargetState next, ReviewActor actor, DateTime nowUtc, string? opinion, ReviewGrade? grade)
    {
        var from = State;
        State = next;
        UpdatedAtUtc = nowUtc;
        AddStep(action, from, actor, nowUtc, opinion, grade);
    }

    private void AddStep(ReviewAction action, TargetState from, ReviewActor actor, DateTime nowUtc, string? opinion, ReviewGrade? grade) =>
        Steps.Add(ReviewStep.Stamp(Steps.Count + 1, action, from, State, actor, nowUtc, opinion, grade));

    private static void EnsureNoBlocking(IReadOnlyList<QualityIssue> issues)
    {
        var blocking = issues.Where(i => i.Blocking).ToList();
        if (blocking.Count > 0)
            throw new DomainException("目标未通过质量检查，请修改后再提交：" + string.Join("；", blocking.Select(i => i.ToString())), "指标");
    }
}
