using System.Globalization;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Panels;

public enum PanelState
{
    [Label("评分中")] Scoring = 1,
    [Label("已出结果")] Closed = 2,
}

/// <summary>The review form a panel uses when finance does not write its own (DOMAIN.md §4.1, §4.2, §4.5; 100 points).</summary>
public static class PanelForms
{
    public static ScoringForm For(PanelPurpose purpose) => purpose switch
    {
        // 绩效目标审核的四个方面
        PanelPurpose.TargetReview => new([new("完整性", 25), new("相关性", 25), new("适当性", 25), new("可行性", 25)]),
        // 事前绩效评估的五个维度，每个 20 分
        PanelPurpose.ExAnteReview => new([new("立项必要性", 20), new("投入经济性", 20), new("绩效目标合理性", 20), new("实施方案可行性", 20), new("筹资合规性", 20)]),
        PanelPurpose.EvaluationReview => new([new("评价方案科学性", 20), new("评价依据充分性", 25), new("评分合理性", 25), new("结论与建议", 30)]),
        _ => ScoringForm.ReportQuality,
    };
}

/// <summary>One expert on a panel: drawn for a field at a rank, replaced with a reason, or scoring.</summary>
public sealed class PanelMember
{
    private PanelMember() { }

    public long Id { get; private set; }
    public long PanelId { get; private set; }
    public long ExpertId { get; private set; }
    public string ExpertName { get; private set; } = "";
    public string Field { get; private set; } = "";
    public int Rank { get; private set; }
    /// <summary>Why the expert left the panel (declined, a conflict found); null while sitting.</summary>
    public string? ReplacedReason { get; private set; }
    /// <summary>The expert's points per item (<c>名称 分值</c> lines, as <see cref="ScoringForm.Write"/>); empty until scored.</summary>
    public string Scores { get; private set; } = "";
    public decimal? Total { get; private set; }
    public string Opinion { get; private set; } = "";
    public DateTime? ScoredAtUtc { get; private set; }

    public bool Sitting => ReplacedReason is null;

    /// <summary>The points given per item (empty until scored).</summary>
    public IReadOnlyDictionary<string, decimal> Given => ScoringForm.ReadPoints(Scores);

    internal static PanelMember Of(DrawnExpert drawn) =>
        new() { ExpertId = drawn.Expert.Id, ExpertName = drawn.Expert.Name, Field = drawn.Field, Rank = drawn.Rank };

    internal void Replace(string reason) => ReplacedReason = reason;

    internal void Score(ScoringForm form, IReadOnlyDictionary<string, decimal> given, string? opinion, DateTime atUtc)
    {
        Total = form.Score(given);
        Scores = form.WritePoints(given);
        Opinion = (opinion ?? "").Trim();
        ScoredAtUtc = atUtc;
    }
}

/// <summary>What a panel reviews (the targets of a project, a department's overall targets, a policy, an engagement's report).</summary>
public sealed class PanelSubject
{
    private PanelSubject() { }

    public long Id { get; private set; }
    public long PanelId { get; private set; }
    public SubjectKind Kind { get; private set; }
    public long? ProjectId { get; private set; }
    /// <summary>The organisation whose work is reviewed (for the experts' avoidance).</summary>
    public long OrgUnitId { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The same things an engagement can cover, checked the same way (<see cref="EngagementSubject.Of"/>).</summary>
    public static PanelSubject Of(EngagementSubject subject) =>
        new() { Kind = subject.Kind, ProjectId = subject.ProjectId, OrgUnitId = subject.OrgUnitId, Name = subject.Name };
}

/// <summary>
/// A review panel ("部门+财政+专家"): experts drawn by field with quotas and avoidance (<see cref="ExpertDraw"/>) from a recorded
/// seed, each scoring on the panel's form; the result is the mean of their totals (<see cref="ScoreMean"/>), optionally without
/// the highest and lowest. Finance sees each expert's scores; an expert sees only their own.
/// </summary>
public sealed class Panel : IRegionOwned
{
    private Panel() { }

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public PanelPurpose Purpose { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>What it reviews, e.g. the engagement whose report it scores, or the targets of a project.</summary>
    public long? EngagementId { get; private set; }
    public string Seed { get; private set; } = "";
    /// <summary><c>领域 名额</c> lines.</summary>
    public string Quotas { get; private set; } = "";
    /// <summary>The scoring form (<see cref="ScoringForm.Write"/>).</summary>
    public string Form { get; private set; } = "";
    public bool DropExtremes { get; private set; }
    public PanelState State { get; private set; }
    public decimal? Result { get; private set; }
    public string ResultExplanation { get; private set; } = "";
    /// <summary>涉及人员 (one a line): the persons the experts' declared avoidances are checked against.</summary>
    public string Persons { get; private set; } = "";
    /// <summary>评分截止日期: the experts' to-do lists order and flag by it.</summary>
    public DateOnly DueOn { get; private set; }
    public List<PanelSubject> Subjects { get; private set; } = [];
    public List<PanelMember> Members { get; private set; } = [];
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    /// <summary>Raised by every change (the concurrency token).</summary>
    public int Revision { get; private set; }

    /// <param name="subjects">what the panel reviews (at least one)</param>
    /// <param name="evaluatedOrgs">the subjects' organisations and their departments (id → name), which the experts must not belong to or avoid</param>
    public static Panel Draw(string regionCode, int fiscalYear, PanelPurpose purpose, string title, long? engagementId, IReadOnlyList<EngagementSubject> subjects,
        string seed, IReadOnlyList<PanelQuota> quotas, ScoringForm form, bool dropExtremes, DateOnly today, DateOnly dueOn,
        IReadOnlyCollection<ExpertCandidate> pool, IReadOnlyDictionary<long, string> evaluatedOrgs, IReadOnlySet<string> persons, string createdBy, DateTime nowUtc)
    {
        var name = (title ?? "").Trim();
        if (name.Length is 0 or > 200) throw new DomainException("请填写评审组名称（不超过 200 字）。", "名称");
        if (subjects.Count == 0) throw new DomainException("请至少选择一个评审对象（项目、部门或政策）。", "评审对象");
        if (subjects.GroupBy(s => (s.Kind, s.ProjectId, s.OrgUnitId, s.Name)).Any(g => g.Count() > 1))
            throw new DomainException("评审对象有重复，请删去重复的一项。", "评审对象");
        if (dueOn < today) throw new DomainException($"评分截止日期 {dueOn:yyyy-MM-dd} 早于今天，请另选日期。", "截止日期");
        if (persons.FirstOrDefault(p => p.Length > 64) is { } tooLong) throw new DomainException($"涉及人员“{tooLong[..20]}…”超过 64 个字，每行写一个姓名。", "涉及人员");
        var text = Draws.RequireSeed(seed);
        var drawn = ExpertDraw.Draw(text, quotas, pool, evaluatedOrgs, persons);
        return new Panel
        {
            RegionCode = regionCode, FiscalYear = fiscalYear, Purpose = purpose, Title = name, EngagementId = engagementId, Seed = text,
            Quotas = string.Join("\n", quotas.Select(q => $"{q.Field} {q.Count}")), Form = form.Write(), DropExtremes = dropExtremes,
            Persons = string.Join("\n", persons.Order(StringComparer.Ordinal)), DueOn = dueOn, Subjects = [.. subjects.Select(PanelSubject.Of)],
            State = PanelState.Scoring, Members = [.. drawn.Select(PanelMember.Of)], CreatedBy = createdBy, CreatedAtUtc = nowUtc,
        };
    }

    /// <summary>The persons recorded at the draw (replacements avoid the same ones).</summary>
    public IReadOnlySet<string> PersonSet => Persons.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet();

    public IReadOnlySet<long> EvaluatedOrgIds => Subjects.Select(s => s.OrgUnitId).ToHashSet();

    public bool IsOverdue(DateOnly today) => State == PanelState.Scoring && today > DueOn;

    public ScoringForm ScoringForm => ScoringForm.Parse(Form);

    /// <summary>The quotas as drawn (kept as <c>领域 名额</c> lines).</summary>
    public IReadOnlyList<PanelQuota> QuotaList => [.. Quotas.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split(' ')).Select(q => new PanelQuota(q[0], int.Parse(q[1], CultureInfo.InvariantCulture)))];

    /// <summary>Replaces a sitting expert who has not scored by the next one of the field, with the reason kept.</summary>
    public PanelMember Replace(long expertId, string? reason, IReadOnlyCollection<ExpertCandidate> pool, IReadOnlyDictionary<long, string> evaluatedOrgs)
    {
        if (State != PanelState.Scoring) throw new ConflictException($"评审组“{Title}”已出结果，不能更换专家。");
        var member = Members.FirstOrDefault(m => m.ExpertId == expertId && m.Sitting)
                     ?? throw new DomainException($"专家编号 {expertId} 不是评审组“{Title}”在组的专家，请从专家名单中选择要更换的专家。", "专家");
        if (member.Total is not null) throw new ConflictException($"{member.ExpertName}已评分，不能更换。");
        var why = Reasons.Require(reason, "更换专家");
        var next = ExpertDraw.Replacement(Seed, member.Field, pool, evaluatedOrgs, PersonSet, [.. Members.Select(m => m.ExpertId)]);
        member.Replace(why);
        var added = PanelMember.Of(next);
        Members.Add(added);
        Revision++;
        return added;
    }

    /// <summary>An expert's scores; when the last sitting expert has scored, the panel's result is computed.</summary>
    public void Score(long expertId, IReadOnlyDictionary<string, decimal> given, string? opinion, DateTime atUtc)
    {
        if (State != PanelState.Scoring) throw new ConflictException($"评审组“{Title}”已出结果，不能再评分。");
        Sitting(expertId).Score(ScoringForm, given, opinion, atUtc);
        Revision++;
        var sitting = Members.Where(m => m.Sitting).ToList();
        if (sitting.Any(m => m.Total is null)) return;
        (Result, ResultExplanation) = ScoreMean.Of([.. sitting.Select(m => m.Total!.Value)], DropExtremes);
        State = PanelState.Closed;
    }

    private PanelMember Sitting(long expertId) =>
        Members.FirstOrDefault(m => m.ExpertId == expertId && m.Sitting) ?? throw new ForbiddenException("您不是本评审组的专家（或已被更换）。");
}
