using Jixiao.Domain.Budget;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Panels;

namespace Jixiao.Domain.EvaluationPlans;

public enum EvaluationKind
{
    [Label("部门评价")] Department = 1,
    [Label("财政重点评价")] Key = 2,
}

/// <summary>What a plan evaluates.</summary>
public enum PlanSubjectKind
{
    [Label("单个项目")] Project = 1,
    [Label("多个项目")] Projects = 2,
    [Label("部门整体")] Department = 3,
    [Label("政策")] Policy = 4,
    /// <summary>A project followed during the year (年中跟踪评价), before its self-evaluation.</summary>
    [Label("年中跟踪")] InYear = 5,
}

public enum PlanEvaluator
{
    [Label("部门自行评价")] Department = 1,
    [Label("财政自行评价")] Finance = 2,
    [Label("委托第三方机构")] Agency = 3,
    [Label("专家评审")] Panel = 4,
}

/// <summary>Why the subject was chosen.</summary>
public enum PlanSource
{
    [Label("抽查复评")] SpotCheck = 1,
    [Label("监控红灯")] RedLight = 2,
    [Label("规则选取")] Rule = 3,
    [Label("指定选取")] HandPick = 4,
}

public enum PlanState
{
    [Label("已计划")] Planned = 1,
    [Label("评价中")] Scoring = 2,
    [Label("已完成")] Concluded = 3,
    [Label("已取消")] Cancelled = 4,
}

/// <summary>What a plan is made of before it is saved.</summary>
/// <param name="Amount">the subject's money (元): a project's full-year budget, a department's projects, a policy's funds</param>
public sealed record PlanSubjectInput(SubjectKind Kind, long? ProjectId, long OrgUnitId, long? DepartmentId, string Name, decimal Amount);

/// <summary>One subject of a plan: a project, a department's overall spending or a policy, with its organisation and amount.</summary>
public sealed class PlanSubject
{
    private PlanSubject() { }

    public long Id { get; private set; }
    public long PlanId { get; private set; }
    public SubjectKind Kind { get; private set; }
    public long? ProjectId { get; private set; }
    /// <summary>The evaluated organisation (the project's unit, the department, a policy's lead department): the scope follows it.</summary>
    public long OrgUnitId { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The amount covered (元), as of the plan.</summary>
    public decimal Amount { get; private set; }

    internal static PlanSubject Of(PlanSubjectInput s)
    {
        var checkedSubject = EngagementSubject.Of(s.Kind, s.ProjectId, s.OrgUnitId, s.Name);
        Money.EnsureValid(s.Amount, "评价金额");
        if (s.Amount < 0) throw new DomainException($"“{checkedSubject.Name}”的评价金额不能为负数。", "评价金额");
        return new() { Kind = s.Kind, ProjectId = s.ProjectId, OrgUnitId = s.OrgUnitId, Name = checkedSubject.Name, Amount = s.Amount };
    }
}

/// <summary>A 三级 item of the plan's framework, with the evaluator's score and its note.</summary>
public sealed class PlanItem
{
    private PlanItem() { }

    public long Id { get; private set; }
    public long PlanId { get; private set; }
    public int Seq { get; private set; }
    public string Level1 { get; private set; } = "";
    public string Level2 { get; private set; } = "";
    public string Name { get; private set; } = "";
    public decimal Points { get; private set; }
    public string Standard { get; private set; } = "";
    public string Basis { get; private set; } = "";
    public decimal? Score { get; private set; }
    /// <summary>扣分理由或评分依据.</summary>
    public string Note { get; private set; } = "";

    internal static PlanItem Of(int seq, FrameworkItem i) => new()
    {
        Seq = seq, Level1 = i.Level1, Level2 = i.Level2, Name = i.Name, Points = i.Points, Standard = i.Standard, Basis = i.Basis,
    };

    internal FrameworkItem ToFramework() => new(Level1, Level2, Name, Points, Standard, Basis);

    internal void Give(decimal score, string note) => (Score, Note) = (score, Check(score, note));

    /// <summary>The note as kept, or the refusal: a score outside 0–points or in hundredths, a deduction without its reason.</summary>
    internal string Check(decimal score, string note)
    {
        if (score < 0 || score > Points || decimal.Round(score, 1) != score)
            throw new DomainException($"“{Name}”的得分 {Scores.Format(score)} 应在 0–{Scores.Format(Points)} 分之间（最多一位小数）。", Name);
        var text = (note ?? "").Trim();
        if (text.Length > 1000) throw new DomainException($"“{Name}”的评分说明不超过 1000 字。", Name);
        if (score < Points && text.Length == 0)
            throw new DomainException($"“{Name}”得 {Scores.Format(score)} 分（满分 {Scores.Format(Points)}）：扣分请写明理由。", Name);
        return text;
    }
}

/// <summary>One finding of an evaluation (problem, cause, suggestion, amount concerned), ready to become a rectification item.</summary>
public sealed record FindingInput(string? Problem, string? Cause, string? Suggestion, decimal? Amount, long? ProjectId);

public sealed class PlanFinding
{
    private PlanFinding() { }

    public long Id { get; private set; }
    public long PlanId { get; private set; }
    public int Seq { get; private set; }
    public string Problem { get; private set; } = "";
    public string Cause { get; private set; } = "";
    public string Suggestion { get; private set; } = "";
    /// <summary>涉及金额 (元), when the finding concerns money.</summary>
    public decimal? Amount { get; private set; }
    /// <summary>The subject project it concerns (null: the whole plan).</summary>
    public long? ProjectId { get; private set; }

    internal static PlanFinding Of(int seq, FindingInput input, IReadOnlySet<long> projects)
    {
        var row = $"第 {seq} 条问题";
        var problem = (input.Problem ?? "").Trim();
        if (problem.Length is < 4 or > 1000) throw new DomainException($"{row}：请写明存在的问题（4–1000 字）。", "问题");
        var cause = (input.Cause ?? "").Trim();
        var suggestion = (input.Suggestion ?? "").Trim();
        if (cause.Length > 1000 || suggestion.Length > 1000) throw new DomainException($"{row}：原因和建议各不超过 1000 字。", "问题");
        if (suggestion.Length == 0) throw new DomainException($"{row}：请写明整改建议，它将成为整改要求。", "建议");
        if (input.Amount is { } amount)
        {
            Money.EnsureValid(amount, "涉及金额");
            if (amount < 0) throw new DomainException($"{row}：涉及金额不能为负数。", "涉及金额");
        }
        if (input.ProjectId is { } p && !projects.Contains(p))
            throw new DomainException($"{row}：项目 {p} 不是本次评价的对象，请从评价对象中选择或留空。", "项目");
        return new() { Seq = seq, Problem = problem, Cause = cause, Suggestion = suggestion, Amount = input.Amount, ProjectId = input.ProjectId };
    }
}

/// <summary>
/// 部门评价 / 财政重点评价 of a region-year (DOMAIN.md §4.4): what is evaluated (a project, several, a department overall, a policy, an
/// in-year follow-up), by whom (the department, finance, an agency engagement, an expert panel), why it was chosen, when; the framework
/// copied from a template and adapted; the evaluator's scores item by item (a panel's as the experts' mean), the report by the
/// national outline, the findings; concluded to a total and a grade 优良中差.
/// </summary>
public sealed class EvaluationPlan : IRegionOwned
{
    private EvaluationPlan() { }

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    /// <summary>The year whose spending is evaluated.</summary>
    public int FiscalYear { get; private set; }
    /// <summary>评价编号 (unique in the region-year).</summary>
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public EvaluationKind Kind { get; private set; }
    public PlanSubjectKind SubjectKind { get; private set; }
    public PlanEvaluator Evaluator { get; private set; }
    public PlanSource Source { get; private set; }
    public string SourceNote { get; private set; } = "";
    /// <summary>The department evaluated (a department evaluation's own department); null for a key evaluation across departments.</summary>
    public long? DepartmentId { get; private set; }
    public long? EngagementId { get; private set; }
    public long? PanelId { get; private set; }
    public DateOnly StartOn { get; private set; }
    public DateOnly DueOn { get; private set; }
    public PlanState State { get; private set; }
    public List<PlanSubject> Subjects { get; private set; } = [];
    public List<PlanItem> Items { get; private set; } = [];
    public List<PlanFinding> Findings { get; private set; } = [];
    /// <summary>The report, a section a block (<see cref="ExAnte.ReportText"/>, the sections of <see cref="PlanReport.Sections"/>).</summary>
    public string Report { get; private set; } = "";
    public decimal? Total { get; private set; }
    public Grade? Grade { get; private set; }
    public string ScoreExplanation { get; private set; } = "";
    public string ScoredBy { get; private set; } = "";
    public string ConcludedBy { get; private set; } = "";
    public DateTime? ConcludedAtUtc { get; private set; }
    public string CancelReason { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    /// <summary>Raised by every change (the concurrency token).</summary>
    public int Version { get; private set; }

    public EvaluationFramework Framework => new([.. Items.OrderBy(i => i.Seq).Select(i => i.ToFramework())]);

    public decimal Amount => Subjects.Sum(s => s.Amount);

    public IReadOnlySet<long> ProjectIds => Subjects.Where(s => s.ProjectId is not null).Select(s => s.ProjectId!.Value).ToHashSet();

    public IReadOnlyDictionary<string, string> Sections => ExAnte.ReportText.Read(Report);

    /// <summary>The sum of the scores given so far.</summary>
    public decimal ScoredPoints => Items.Sum(i => i.Score ?? 0);

    public bool FullyScored => Items.Count > 0 && Items.All(i => i.Score is not null);

    public bool IsOverdue(DateOnly today) => State is PlanState.Planned or PlanState.Scoring && today > DueOn;

    /// <param name="departmentId">the department a 部门评价 belongs to (every subject in it); for a key evaluation the subjects' department when they share one</param>
    public static EvaluationPlan Create(string regionCode, int fiscalYear, string code, string title, EvaluationKind kind, PlanSubjectKind subjectKind,
        PlanEvaluator evaluator, PlanSource source, string? sourceNote, long? departmentId, IReadOnlyList<PlanSubjectInput> subjects,
        DateOnly startOn, DateOnly dueOn, EvaluationFramework framework, string createdBy, DateTime nowUtc)
    {
        FiscalYears.EnsureValid(fiscalYear);
        var number = Required(code, "评价编号", 40);
        var name = Required(title, "评价名称", 200);
        foreach (var (value, what) in new (Enum, string)[] { (kind, "评价类型"), (subjectKind, "评价对象类型"), (evaluator, "评价主体"), (source, "选取来源") })
            if (!Enum.IsDefined(value.GetType(), value)) throw new DomainException($"请选择{what}。", what);
        if (kind == EvaluationKind.Department && evaluator == PlanEvaluator.Finance)
            throw new DomainException("部门评价由部门组织：评价主体应为部门自行评价、委托第三方机构或专家评审。", "评价主体");
        if (kind == EvaluationKind.Key && evaluator == PlanEvaluator.Department)
            throw new DomainException("财政重点评价由财政组织：评价主体应为财政自行评价、委托第三方机构或专家评审。", "评价主体");
        if (kind == EvaluationKind.Department && subjectKind == PlanSubjectKind.Department)
            throw new DomainException("部门整体评价由财政开展（部门对本部门整体的评价即部门整体自评）：请选择财政重点评价。", "评价对象类型");
        if (subjects.Count == 0) throw new DomainException("请至少选择一个评价对象。", "评价对象");
        if (subjects.GroupBy(s => (s.Kind, s.ProjectId, s.OrgUnitId, s.Name)).Any(g => g.Count() > 1))
            throw new DomainException("评价对象有重复，请删去重复的一项。", "评价对象");
        var expected = subjectKind switch
        {
            PlanSubjectKind.Department => Engagements.SubjectKind.Department,
            PlanSubjectKind.Policy => Engagements.SubjectKind.Policy,
            _ => Engagements.SubjectKind.Project,
        };
        if (subjects.FirstOrDefault(s => s.Kind != expected) is { } stray)
            throw new DomainException($"“{stray.Name}”是{stray.Kind.Label()}，与评价对象类型“{subjectKind.Label()}”不符。", "评价对象");
        if (subjectKind != PlanSubjectKind.Projects && subjects.Count > 1)
            throw new DomainException($"评价对象类型“{subjectKind.Label()}”只能有一个评价对象；评价多个项目请选择“多个项目”。", "评价对象");
        if (subjectKind == PlanSubjectKind.Projects && subjects.Count < 2)
            throw new DomainException("“多个项目”至少选择两个项目；只评价一个项目请选择“单个项目”。", "评价对象");
        if (kind == EvaluationKind.Department)
        {
            if (departmentId is not { } d) throw new DomainException("部门评价请选择组织评价的部门。", "部门");
            if (subjects.FirstOrDefault(s => s.DepartmentId != d && s.OrgUnitId != d) is { } other)
                throw new DomainException($"“{other.Name}”不属于组织评价的部门：部门评价只能评价本部门的项目。", "评价对象");
        }
        if (dueOn < startOn) throw new DomainException($"完成日期 {dueOn:yyyy-MM-dd} 早于开始日期 {startOn:yyyy-MM-dd}。", "完成日期");
        var note = (sourceNote ?? "").Trim();
        if (note.Length > 500) throw new DomainException("选取说明不超过 500 字。", "选取说明");
        if (source != PlanSource.HandPick && note.Length == 0)
            throw new DomainException($"选取来源为“{source.Label()}”，请写明依据（如抽查批次、红灯的监控轮次、所用规则）。", "选取说明");
        return new EvaluationPlan
        {
            RegionCode = regionCode, FiscalYear = fiscalYear, Code = number, Title = name, Kind = kind, SubjectKind = subjectKind, Evaluator = evaluator,
            Source = source, SourceNote = note, DepartmentId = departmentId, StartOn = startOn, DueOn = dueOn, State = PlanState.Planned,
            Subjects = [.. subjects.Select(PlanSubject.Of)], Items = Copy(framework), CreatedBy = createdBy, CreatedAtUtc = nowUtc,
        };
    }

    /// <summary>The framework may change (items, points, standards) until the first score is given.</summary>
    public void SetFramework(EvaluationFramework framework)
    {
        EnsureFrameworkOpen();
        Items = Copy(EvaluationFramework.Checked(framework.Items));
        Version++;
    }

    /// <summary>The framework as written (<c>一级/二级/三级 分值 评分标准</c> a line); a locked framework is refused before the text is read.</summary>
    public void SetFramework(string? text)
    {
        EnsureFrameworkOpen();
        SetFramework(EvaluationFramework.Parse(text));
    }

    private void EnsureFrameworkOpen()
    {
        if (State != PlanState.Planned || Items.Any(i => i.Score is not null))
            throw new ConflictException($"评价“{Title}”已开始评分，指标体系不能再修改。");
    }

    /// <summary>The agency engagement or the expert panel that does the evaluation (an evaluator of that kind needs one before scoring).</summary>
    public void Link(long? engagementId, long? panelId)
    {
        Open();
        if (engagementId is not null && Evaluator != PlanEvaluator.Agency)
            throw new DomainException($"评价主体为“{Evaluator.Label()}”，不关联第三方委托。", "委托");
        if (panelId is not null && Evaluator != PlanEvaluator.Panel)
            throw new DomainException($"评价主体为“{Evaluator.Label()}”，不关联专家评审组。", "评审组");
        if (engagementId is not null) EngagementId = engagementId;
        if (panelId is not null) PanelId = panelId;
        Version++;
    }

    /// <summary>
    /// The evaluator's scores (for an agency, as its report gives them): any items, each between 0 and its points in tenths, a deduction
    /// with its reason. The others keep what they had, so the scores can be saved as a draft.
    /// </summary>
    public void Score(IReadOnlyDictionary<string, (decimal Score, string? Note)> given, string by)
    {
        Open();
        if (Evaluator == PlanEvaluator.Panel)
            throw new ConflictException("专家评审的评价由评审组专家逐项打分，取专家平均分：请在评审组出结果后采用评审组得分。");
        if (Evaluator == PlanEvaluator.Agency && EngagementId is null)
            throw new ConflictException("委托第三方机构的评价请先关联委托（抽签确定机构）再录入评分。");
        if (given.Count == 0) throw new DomainException("请至少为一个指标打分。", "得分");
        foreach (var name in given.Keys.Where(k => Items.All(i => i.Name != k)))
            throw new DomainException($"指标体系没有“{name}”这一项。", name);
        // Every score checked before any is kept: a refused call changes nothing.
        foreach (var item in Items.Where(i => given.ContainsKey(i.Name)))
            item.Check(given[item.Name].Score, given[item.Name].Note ?? "");
        foreach (var item in Items.Where(i => given.ContainsKey(i.Name)))
            item.Give(given[item.Name].Score, given[item.Name].Note ?? "");
        (ScoredBy, State) = (by, PlanState.Scoring);
        Version++;
    }

    /// <summary>A closed panel's result item by item: the mean of the sitting experts' points (one decimal), with how many scored.</summary>
    public void ApplyPanel(Panel panel)
    {
        Open();
        if (Evaluator != PlanEvaluator.Panel || PanelId != panel.Id)
            throw new DomainException($"评审组“{panel.Title}”不是本评价关联的评审组。", "评审组");
        if (panel.State != PanelState.Closed)
            throw new ConflictException($"评审组“{panel.Title}”尚未出结果（{panel.Members.Count(m => m.Sitting && m.Total is not null)}/{panel.Members.Count(m => m.Sitting)} 位专家已评分）。");
        var means = PanelMeans(panel, Framework);
        var experts = panel.Members.Count(m => m.Sitting && m.Total is not null);
        foreach (var item in Items)
        {
            var mean = means[item.Name];
            item.Give(mean, mean < item.Points ? $"{experts} 位专家评分的平均" : "");
        }
        (ScoredBy, State) = (panel.Title, PlanState.Scoring);
        Version++;
    }

    /// <summary>
    /// The experts' mean per item (one decimal, half away from zero): what a panel's scores make of the plan's framework. The panel must
    /// have scored exactly the framework's items with the same points.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal> PanelMeans(Panel panel, EvaluationFramework framework)
    {
        CheckPanelForm(panel, framework);
        var scored = panel.Members.Where(m => m.Sitting && m.Total is not null).Select(m => m.Given).ToList();
        if (scored.Count == 0) throw new ConflictException($"评审组“{panel.Title}”还没有专家评分。");
        return framework.Items.ToDictionary(i => i.Name, i => decimal.Round(scored.Average(g => g[i.Name]), 1, MidpointRounding.AwayFromZero));
    }

    /// <summary>A panel scores the plan's framework: exactly its items with the same points.</summary>
    public static void CheckPanelForm(Panel panel, EvaluationFramework framework)
    {
        var form = panel.ScoringForm;
        if (form.Items.Count != framework.Items.Count || framework.Items.Any(i => form.Items.All(f => f.Name != i.Name || f.Points != i.Points)))
            throw new ConflictException($"评审组“{panel.Title}”的评分表与本评价的指标体系不一致（指标或分值不同）：请按本评价的指标体系抽取评审组。");
    }

    /// <summary>The report's sections as the evaluator edits them (unknown sections refused; each at most 8000 characters).</summary>
    public void WriteReport(IReadOnlyDictionary<string, string?> sections)
    {
        Open();
        foreach (var name in sections.Keys.Where(k => !PlanReport.Sections.Contains(k)))
            throw new DomainException($"“{name}”不是评价报告的章节（{string.Join("、", PlanReport.Sections)}）。", name);
        var kept = new Dictionary<string, string>(Sections);
        foreach (var (name, text) in sections)
        {
            var value = (text ?? "").Replace("\r", "").Trim();
            if (value.Length > 8000) throw new DomainException($"“{name}”不超过 8000 字。", name);
            if (value.Split('\n').Any(l => l.StartsWith('【') && l.EndsWith('】')))
                throw new DomainException($"“{name}”中不能有单独成行的【…】标题（它是章节的分隔）。", name);
            kept[name] = value;
        }
        Report = ExAnte.ReportText.Write(kept.Where(k => k.Value.Length > 0).ToDictionary(k => k.Key, k => k.Value), PlanReport.Sections);
        Version++;
    }

    /// <summary>The findings as a whole list (replacing the earlier ones), until the plan is concluded.</summary>
    public void SetFindings(IReadOnlyList<FindingInput> findings)
    {
        Open();
        if (findings.Count > 100) throw new DomainException("一次评价最多记录 100 条问题。", "问题");
        var projects = ProjectIds;
        Findings = [.. findings.Select((f, i) => PlanFinding.Of(i + 1, f, projects))];
        Version++;
    }

    /// <summary>
    /// Concludes: every item scored, the report's required sections written, an agency's final report confirmed by the three parties;
    /// the total is the sum, the grade by DOMAIN.md's bands, and the explanation shows the arithmetic by 一级.
    /// </summary>
    public void Conclude(bool engagementCompleted, string by, DateTime nowUtc)
    {
        Open();
        if (Items.FirstOrDefault(i => i.Score is null) is { } blank)
            throw new ConflictException($"“{blank.Name}”等 {Items.Count(i => i.Score is null)} 个指标尚未评分，全部评分后才能完成评价。");
        if (Evaluator == PlanEvaluator.Agency && !engagementCompleted)
            throw new ConflictException("第三方机构的评价报告终稿尚未经三方确认：委托完成后才能完成评价。");
        var sections = Sections;
        if (PlanReport.Required.FirstOrDefault(s => sections.GetValueOrDefault(s, "").Length == 0) is { } missing)
            throw new ConflictException($"评价报告缺少“{missing}”：请生成或填写报告后再完成评价。");
        var total = Items.Sum(i => i.Score!.Value);
        var grade = ReferenceScoring.GradeOf(total, 100m);
        var levels = Items.OrderBy(i => i.Seq).GroupBy(i => i.Level1).Select(g => $"{g.Key} {Scores.Format(g.Sum(i => i.Score!.Value))}/{Scores.Format(g.Sum(i => i.Points))}");
        ScoreExplanation = $"{string.Join(" + ", levels)} = {Scores.Format(total)} 分；≥ 90 优、80–90 良、60–80 中、< 60 差，评价等级为“{grade.Label()}”";
        (Total, Grade, ConcludedBy, ConcludedAtUtc, State) = (total, grade, by, nowUtc, PlanState.Concluded);
        Version++;
    }

    public void Cancel(string? reason)
    {
        if (State is PlanState.Concluded or PlanState.Cancelled)
            throw new ConflictException($"评价“{Title}”{State.Label()}，不能取消。");
        CancelReason = Reasons.Require(reason, "取消评价");
        State = PlanState.Cancelled;
        Version++;
    }

    private void Open()
    {
        if (State is PlanState.Concluded or PlanState.Cancelled)
            throw new ConflictException($"评价“{Title}”{State.Label()}，不能再修改。");
    }

    private static List<PlanItem> Copy(EvaluationFramework framework) => [.. framework.Items.Select((item, k) => PlanItem.Of(k + 1, item))];

    private static string Required(string? value, string field, int max)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0) throw new DomainException($"请填写{field}。", field);
        if (text.Length > max) throw new DomainException($"{field}不超过 {max} 个字符。", field);
        return text;
    }
}
