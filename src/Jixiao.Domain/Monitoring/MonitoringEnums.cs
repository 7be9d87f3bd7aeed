namespace Jixiao.Domain.Monitoring;

/// <summary>偏差原因 (DOMAIN.md §4.3): the five categories of the national 监控表.</summary>
public enum DeviationCause
{
    /// <summary>经费保障</summary>
    Funding = 1,
    /// <summary>制度保障</summary>
    Institution = 2,
    /// <summary>人员保障</summary>
    Staffing = 3,
    /// <summary>硬件条件保障</summary>
    Facilities = 4,
    /// <summary>其他</summary>
    Other = 5,
}

/// <summary>完成目标可能性</summary>
public enum Likelihood
{
    /// <summary>确定能</summary>
    Certain = 1,
    /// <summary>有可能</summary>
    Possible = 2,
    /// <summary>完全不可能</summary>
    Impossible = 3,
}

/// <summary>A corrective action finance takes after monitoring (DOMAIN.md §4.3).</summary>
public enum CorrectiveKind
{
    /// <summary>预算调减: a 调减 movement in the ledger</summary>
    Reduction = 1,
    /// <summary>调剂: 调剂转出 from the project, 调剂转入 to another</summary>
    Reallocation = 2,
    /// <summary>收回: a 收回 movement</summary>
    Recovery = 3,
    /// <summary>暂缓拨付: payments held back; the budget is unchanged</summary>
    Suspension = 4,
    /// <summary>目标调整: a new draft version of the project's targets for the unit to revise</summary>
    TargetAdjustment = 5,
}

public static class MonitoringLabels
{
    public static string Label(this DeviationCause c) => c switch
    {
        DeviationCause.Funding => "经费保障",
        DeviationCause.Institution => "制度保障",
        DeviationCause.Staffing => "人员保障",
        DeviationCause.Facilities => "硬件条件保障",
        DeviationCause.Other => "其他",
        _ => c.ToString(),
    };

    public static string Label(this Likelihood l) => l switch
    {
        Likelihood.Certain => "确定能",
        Likelihood.Possible => "有可能",
        Likelihood.Impossible => "完全不可能",
        _ => l.ToString(),
    };

    public static string Label(this QualitativeOutcome o) => o switch
    {
        QualitativeOutcome.Achieved => "达成",
        QualitativeOutcome.PartlyAchieved => "部分达成",
        QualitativeOutcome.NotAchieved => "未达成",
        _ => o.ToString(),
    };

    public static string Label(this CorrectiveKind k) => k switch
    {
        CorrectiveKind.Reduction => "预算调减",
        CorrectiveKind.Reallocation => "调剂",
        CorrectiveKind.Recovery => "收回",
        CorrectiveKind.Suspension => "暂缓拨付",
        CorrectiveKind.TargetAdjustment => "目标调整",
        _ => k.ToString(),
    };
}
