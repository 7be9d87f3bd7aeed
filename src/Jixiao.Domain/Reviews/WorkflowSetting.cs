using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Reviews;

/// <summary>
/// How a region works in a year ([local] configuration, set by the performance division): whether monitoring returns
/// and self-evaluations pass the funding division before the performance division, and the prefix of the 文号 its
/// corrective actions are numbered with, the deadlines of the year's target filing and self-evaluation and how many days before a
/// deadline the reminders (提醒) start. A region-year without a row takes the division step, the region's default prefix, no
/// deadlines and <see cref="Notices.NoticeRules.DefaultDaysBefore"/>.
/// </summary>
public sealed class WorkflowSetting : IRegionOwned
{
    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    /// <summary>监控表、自评表经资金所在业务股室审核后再报绩效股</summary>
    public bool FormDivisionStep { get; private set; } = true;
    public string DocumentPrefix { get; private set; } = "";
    /// <summary>绩效目标申报截止日期: the year's targets are filed (in the year before it, with the budget) by this day.</summary>
    public DateOnly? TargetDeadline { get; private set; }
    /// <summary>单位自评截止日期: the year's self-evaluations are submitted (in the year after it) by this day.</summary>
    public DateOnly? SelfEvaluationDeadline { get; private set; }
    /// <summary>提前提醒天数</summary>
    public int NoticeDaysBefore { get; private set; } = Notices.NoticeRules.DefaultDaysBefore;
    public DateTime UpdatedAtUtc { get; private set; }

    public static WorkflowSetting Create(string regionCode, int fiscalYear, string defaultPrefix) =>
        new() { RegionCode = regionCode, FiscalYear = fiscalYear, DocumentPrefix = defaultPrefix };

    public void Set(bool formDivisionStep, string? documentPrefix, DateTime nowUtc)
    {
        DocumentPrefix = DocumentNumber.ValidPrefix(documentPrefix);
        FormDivisionStep = formDivisionStep;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Sets the year's filing deadlines and the reminder lead; a deadline outside the year it belongs to is refused.</summary>
    public void SetDeadlines(DateOnly? targets, DateOnly? selfEvaluations, int daysBefore, DateTime nowUtc)
    {
        if (targets is { } t && (t.Year < FiscalYear - 1 || t.Year > FiscalYear))
            throw new DomainException($"{FiscalYear} 年度绩效目标的申报截止日期 {t:yyyy-MM-dd} 应在 {FiscalYear - 1}–{FiscalYear} 年内（目标随预算在上一年申报）。", "目标申报截止日期");
        if (selfEvaluations is { } e && e.Year != FiscalYear + 1)
            throw new DomainException($"{FiscalYear} 年度单位自评的截止日期 {e:yyyy-MM-dd} 应在 {FiscalYear + 1} 年内（年度结束后开展自评）。", "自评截止日期");
        NoticeDaysBefore = Notices.NoticeRules.ValidDaysBefore(daysBefore);
        (TargetDeadline, SelfEvaluationDeadline, UpdatedAtUtc) = (targets, selfEvaluations, nowUtc);
    }
}

/// <summary>The last 文号 sequence given in a region-year; moved on in the transaction that uses the number.</summary>
public sealed class DocumentCounter
{
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public long Last { get; private set; }
}
