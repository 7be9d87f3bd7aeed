using Jixiao.Domain.Organisation;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Engagements;

public enum EngagementState
{
    [Label("待抽签")] Preparing = 1,
    [Label("实施中")] InProgress = 2,
    [Label("已完成")] Completed = 3,
    [Label("已终止")] Cancelled = 4,
}

/// <summary>采购方式 (政府采购法).</summary>
public enum ProcurementMethod
{
    [Label("公开招标")] OpenTender = 1,
    [Label("邀请招标")] InvitedTender = 2,
    [Label("竞争性谈判")] CompetitiveNegotiation = 3,
    [Label("竞争性磋商")] CompetitiveConsultation = 4,
    [Label("单一来源")] SingleSource = 5,
    [Label("询价")] Inquiry = 6,
    [Label("框架协议")] FrameworkAgreement = 7,
    [Label("抽签确定")] Lottery = 8,
}

public enum SubjectKind
{
    [Label("项目")] Project = 1,
    [Label("部门整体")] Department = 2,
    [Label("政策")] Policy = 3,
}

/// <summary>What an engagement covers: a project, a department's overall spending, or a policy; with the organisation evaluated.</summary>
public sealed class EngagementSubject
{
    private EngagementSubject() { }

    public long Id { get; private set; }
    public long EngagementId { get; private set; }
    public SubjectKind Kind { get; private set; }
    public long? ProjectId { get; private set; }
    /// <summary>The evaluated organisation (the project's unit, the department; for a policy, its lead department).</summary>
    public long OrgUnitId { get; private set; }
    /// <summary>The name as the agency sees it (it sees no project list of its own).</summary>
    public string Name { get; private set; } = "";

    public static EngagementSubject Of(SubjectKind kind, long? projectId, long orgUnitId, string name)
    {
        if ((kind == SubjectKind.Project) != (projectId is not null))
            throw new DomainException(kind == SubjectKind.Project ? "评价对象为项目时请选择项目。" : $"{kind.Label()}不应选择项目。", "评价对象");
        var text = (name ?? "").Trim();
        if (text.Length is 0 or > 200) throw new DomainException("请填写评价对象名称（不超过 200 字）。", "评价对象");
        return new() { Kind = kind, ProjectId = projectId, OrgUnitId = orgUnitId, Name = text };
    }
}

/// <summary>One line of a draw record: an agency as assessed on the day, its place in the order, and what became of it.</summary>
public sealed class DrawEntry
{
    private DrawEntry() { }

    public long Id { get; private set; }
    public long EngagementId { get; private set; }
    public long AgencyId { get; private set; }
    public string AgencyName { get; private set; } = "";
    /// <summary>SHA-256 of 种子|编号 (<see cref="Draws"/>), printed so that anyone can check the order.</summary>
    public string Number { get; private set; } = "";
    /// <summary>1, 2, … in draw order for the eligible; null for the excluded.</summary>
    public int? Rank { get; private set; }
    /// <summary>Why it could not be drawn ("；"-joined), empty when eligible.</summary>
    public string Exclusions { get; private set; } = "";
    public DrawOutcome Outcome { get; private set; }
    public string OutcomeReason { get; private set; } = "";

    internal static DrawEntry Of(Eligibility e, string seed, int? rank) => new()
    {
        AgencyId = e.Candidate.Id, AgencyName = e.Candidate.Name, Number = Draws.Number(seed, e.Candidate.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Rank = rank, Exclusions = string.Join("；", e.Exclusions), Outcome = e.Eligible ? DrawOutcome.Waiting : DrawOutcome.Excluded,
    };

    internal void Settle(DrawOutcome outcome, string reason = "") => (Outcome, OutcomeReason) = (outcome, reason);
}

public enum DrawOutcome
{
    [Label("不符合条件")] Excluded = 1,
    [Label("候补")] Waiting = 2,
    [Label("中选")] Drawn = 3,
    [Label("放弃或被排除")] SetAside = 4,
}

/// <summary>
/// 委托: finance engages a third-party agency for an ex-ante evaluation, a target review, monitoring or an evaluation of the
/// subjects covered (DOMAIN.md §4.5). The agency is drawn by lottery among the eligible (<see cref="AgencyLottery"/>) from a
/// seed recorded with the draw; a drawn agency that declines, or is set aside with a reason, is replaced by the next in the
/// order. The work is delivered in stages, each confirmed by three parties before the next opens.
/// </summary>
public sealed class Engagement : IRegionOwned
{
    private Engagement() { }

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    /// <summary>委托编号 (unique in the region-year).</summary>
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public EngagementScope Scope { get; private set; }
    public EngagementState State { get; private set; }
    public string ContractNo { get; private set; } = "";
    /// <summary>委托费用, 元.</summary>
    public decimal Fee { get; private set; }
    public ProcurementMethod Procurement { get; private set; }
    public DateOnly StartOn { get; private set; }
    public DateOnly DueOn { get; private set; }
    public long? AgencyId { get; private set; }
    public string AgencyName { get; private set; } = "";
    public string DrawSeed { get; private set; } = "";
    public DateTime? DrawnAtUtc { get; private set; }
    public string DrawnBy { get; private set; } = "";
    public List<EngagementSubject> Subjects { get; private set; } = [];
    public List<DeliverableStage> Stages { get; private set; } = [];
    public List<DrawEntry> Draw { get; private set; } = [];
    /// <summary>报告质量考核: finance's points per item of the region-year's checklist (<c>名称 分值</c> lines); empty until scored.</summary>
    public string ReportScores { get; private set; } = "";
    /// <summary>The final report's quality score (0–100) counted in the agency's yearly rating.</summary>
    public decimal? ReportScore { get; private set; }
    public string ReportScoreExplanation { get; private set; } = "";
    public string ReportScoredBy { get; private set; } = "";
    public DateTime? ReportScoredAtUtc { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    /// <summary>Raised by every change: the concurrency token, so two people acting on the same stage at once cannot both win.</summary>
    public int Revision { get; private set; }

    /// <param name="stages">the region-year's stage names (<see cref="StagePlan"/>), each due by the date given</param>
    public static Engagement Plan(string regionCode, int fiscalYear, string code, string title, EngagementScope scope,
        IReadOnlyList<EngagementSubject> subjects, string? contractNo, decimal fee, ProcurementMethod procurement, DateOnly startOn,
        DateOnly dueOn, IReadOnlyList<(string Name, DateOnly DueOn)> stages, DateTime nowUtc)
    {
        var name = Required(title, "委托名称", 200);
        var number = Required(code, "委托编号", 40);
        if (subjects.Count == 0) throw new DomainException("请至少选择一个评价对象（项目、部门或政策）。", "评价对象");
        if (subjects.GroupBy(s => (s.Kind, s.ProjectId, s.OrgUnitId, s.Name)).Any(g => g.Count() > 1))
            throw new DomainException("评价对象有重复，请删去重复的一项。", "评价对象");
        if (fee < 0) throw new DomainException("委托费用不能为负数。", "费用");
        if (dueOn < startOn) throw new DomainException($"完成日期 {dueOn:yyyy-MM-dd} 早于开始日期 {startOn:yyyy-MM-dd}。", "完成日期");
        if (stages.Count == 0) throw new DomainException("请至少设置一个成果阶段。", "阶段");
        for (var i = 0; i < stages.Count; i++)
        {
            var (stage, due) = stages[i];
            if (due < startOn || due > dueOn)
                throw new DomainException($"“{stage}”的截止日期 {due:yyyy-MM-dd} 应在委托期限 {startOn:yyyy-MM-dd}–{dueOn:yyyy-MM-dd} 内。", "阶段");
            if (i > 0 && due < stages[i - 1].DueOn)
                throw new DomainException($"“{stage}”的截止日期早于上一阶段“{stages[i - 1].Name}”。", "阶段");
        }
        return new Engagement
        {
            RegionCode = regionCode, FiscalYear = fiscalYear, Code = number, Title = name, Scope = scope, State = EngagementState.Preparing,
            ContractNo = (contractNo ?? "").Trim(), Fee = decimal.Round(fee, 2), Procurement = procurement, StartOn = startOn, DueOn = dueOn,
            Subjects = [.. subjects], Stages = [.. stages.Select((s, i) => DeliverableStage.Plan(i + 1, s.Name, s.DueOn))],
            CreatedAtUtc = nowUtc,
        };
    }

    /// <summary>The organisations evaluated (for conflicts of interest and the unit's confirmations).</summary>
    public IReadOnlySet<long> EvaluatedOrgIds => Subjects.Select(s => s.OrgUnitId).ToHashSet();

    /// <summary>Runs the lottery from <paramref name="seed"/> and engages the first agency in its order; the whole assessment is kept.</summary>
    public AgencyCandidate DrawAgency(string seed, IReadOnlyList<Eligibility> assessed, string drawnBy, DateTime nowUtc)
    {
        if (State != EngagementState.Preparing || Draw.Count > 0)
            throw new ConflictException($"委托“{Title}”已抽签（种子 {DrawSeed}）：放弃或排除中选机构后由候补依次递补，不再重新抽签。");
        var text = Draws.RequireSeed(seed);
        var order = AgencyLottery.Order(text, assessed);
        var rank = order.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i + 1);
        Draw = [.. assessed.Select(e => DrawEntry.Of(e, text, e.Eligible ? rank[e.Candidate.Id] : null)).OrderBy(d => d.Rank ?? int.MaxValue).ThenBy(d => d.AgencyId)];
        (DrawSeed, DrawnAtUtc, DrawnBy) = (text, nowUtc, drawnBy);
        Revision++;
        return Engage(order[0]);
    }

    /// <summary>The engaged agency declines, or finance sets it aside (a conflict found after the draw …): the next in the order is engaged.</summary>
    public DrawEntry SetAside(string? reason, DateTime nowUtc)
    {
        if (AgencyId is null || State != EngagementState.InProgress || Stages.Any(s => s.Version > 0))
            throw new ConflictException("只有已抽签、尚未提交任何成果的委托才能更换机构。");
        var why = Reasons.Require(reason, "更换中选机构");
        Draw.Single(d => d.AgencyId == AgencyId).Settle(DrawOutcome.SetAside, why);
        var next = Draw.Where(d => d.Outcome == DrawOutcome.Waiting).OrderBy(d => d.Rank).FirstOrDefault()
                   ?? throw new ConflictException($"抽签顺序中的机构都已放弃或被排除：请终止本委托，补充机构库后另行委托。");
        next.Settle(DrawOutcome.Drawn);
        (AgencyId, AgencyName) = (next.AgencyId, next.AgencyName);
        foreach (var stage in Stages) stage.Lock();
        Stages[0].Open();
        Revision++;
        return next;
    }

    private AgencyCandidate Engage(AgencyCandidate agency)
    {
        Draw.Single(d => d.AgencyId == agency.Id).Settle(DrawOutcome.Drawn);
        (AgencyId, AgencyName, State) = (agency.Id, agency.Name, EngagementState.InProgress);
        Stages[0].Open();
        return agency;
    }

    public DeliverableStage Stage(int number) =>
        Stages.SingleOrDefault(s => s.Number == number) ?? throw new DomainException($"委托“{Title}”没有第 {number} 阶段。", "阶段");

    public void Submit(int stage, int files, string? note, ReviewActor actor, DateTime atUtc)
    {
        Active().Stage(stage).Submit(StageParty.Agency, files, note, actor, atUtc);
        Revision++;
    }

    /// <summary>A confirmation; the last of the three opens the next stage, and the last stage completes the engagement.</summary>
    public void Confirm(int stage, StageParty party, ReviewActor actor, DateTime atUtc, string? note = null)
    {
        var current = Active().Stage(stage);
        Revision++;
        if (!current.Confirm(party, actor, atUtc, note)) return;
        if (Stages.FirstOrDefault(s => s.Number == stage + 1) is { } next) next.Open();
        else State = EngagementState.Completed;
    }

    public void Object(int stage, StageParty party, string? reason, ReviewActor actor, DateTime atUtc)
    {
        Active().Stage(stage).Object(party, reason, actor, atUtc);
        Revision++;
    }

    public void Cancel(string? reason)
    {
        if (State is EngagementState.Completed or EngagementState.Cancelled)
            throw new ConflictException($"委托“{Title}”{State.Label()}，不能终止。");
        Reasons.Require(reason, "终止委托");
        State = EngagementState.Cancelled;
        Revision++;
    }

    /// <summary>The final stage's deliverable is the report that finance scores (<see cref="ScoringForm"/>).</summary>
    public bool ReportConfirmed => State == EngagementState.Completed;

    /// <summary>
    /// 报告质量考核: finance scores the confirmed final report on the checklist; with the result of an expert panel that reviewed the
    /// report, the score is the mean of the two. Scoring again replaces the earlier score (the audit trail keeps it).
    /// </summary>
    public decimal ScoreReport(ScoringForm form, IReadOnlyDictionary<string, decimal> given, decimal? panelResult, string scoredBy, DateTime atUtc)
    {
        if (!ReportConfirmed)
            throw new ConflictException($"委托“{Title}”当前为“{State.Label()}”：报告终稿经三方确认、委托完成后才能考核报告质量。");
        var finance = form.Score(given);
        ReportScores = form.WritePoints(given);
        var parts = $"财政评分 {Evaluations.Scores.Format(finance)} 分（{string.Join("、", form.Items.Select(i => $"{i.Name} {Evaluations.Scores.Format(given[i.Name])}/{Evaluations.Scores.Format(i.Points)}"))}）";
        if (panelResult is { } panel)
        {
            ReportScore = decimal.Round((finance + panel) / 2, 2, MidpointRounding.AwayFromZero);
            ReportScoreExplanation = $"{parts}与专家评审组结果 {Evaluations.Scores.Format(panel)} 分的平均 = {Evaluations.Scores.Format(ReportScore.Value)} 分";
        }
        else
        {
            ReportScore = finance;
            ReportScoreExplanation = $"{parts} = {Evaluations.Scores.Format(finance)} 分";
        }
        (ReportScoredBy, ReportScoredAtUtc) = (scoredBy, atUtc);
        Revision++;
        return ReportScore.Value;
    }

    private Engagement Active() => State == EngagementState.InProgress
        ? this
        : throw new ConflictException($"委托“{Title}”当前为“{State.Label()}”：抽签确定机构后才能提交和确认成果。");

    private static string Required(string? value, string field, int max)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0) throw new DomainException($"请填写{field}。", field);
        if (text.Length > max) throw new DomainException($"{field}不超过 {max} 个字符。", field);
        return text;
    }
}
