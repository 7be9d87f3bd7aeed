namespace Jixiao.Domain.Monitoring;

/// <summary>偏差原因 (DOMAIN.md §4.3): the five categories of the national 监控表.</summary>
public enum DeviationCause
{
    [Label("经费保障")]
    Funding = 1,
    [Label("制度保障")]
    Institution = 2,
    [Label("人员保障")]
    Staffing = 3,
    [Label("硬件条件保障")]
    Facilities = 4,
    [Label("其他")]
    Other = 5,
}

/// <summary>完成目标可能性</summary>
public enum Likelihood
{
    [Label("确定能")]
    Certain = 1,
    [Label("有可能")]
    Possible = 2,
    [Label("完全不可能")]
    Impossible = 3,
}

/// <summary>A corrective action finance takes after monitoring (DOMAIN.md §4.3).</summary>
public enum CorrectiveKind
{
    /// <summary>预算调减: a 调减 movement in the ledger</summary>
    [Label("预算调减")]
    Reduction = 1,
    /// <summary>调剂: 调剂转出 from the project, 调剂转入 to another</summary>
    [Label("调剂")]
    Reallocation = 2,
    /// <summary>收回: a 收回 movement</summary>
    [Label("收回")]
    Recovery = 3,
    /// <summary>暂缓拨付: payments held back; the budget is unchanged</summary>
    [Label("暂缓拨付")]
    Suspension = 4,
    /// <summary>目标调整: a new draft version of the project's targets for the unit to revise</summary>
    [Label("目标调整")]
    TargetAdjustment = 5,
}
