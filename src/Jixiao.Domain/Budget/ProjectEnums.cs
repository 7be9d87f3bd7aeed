namespace Jixiao.Domain.Budget;

/// <summary>一级 / 二级 / 三级 project.</summary>
public enum ProjectLevel
{
    [Label("一级")]
    Level1 = 1,
    [Label("二级")]
    Level2 = 2,
    [Label("三级")]
    Level3 = 3,
}

public enum ProjectCategory
{
    [Label("人员类")]
    Personnel = 1,
    [Label("运转类")]
    Operation = 2,
    [Label("特定目标类")]
    SpecificPurpose = 3,
}

public enum Recurrence
{
    [Label("经常性")]
    Recurring = 1,
    [Label("一次性")]
    OneOff = 2,
}

/// <summary>项目库 status. The ex-ante evaluation gate ("先评估后入库") comes in front of Admitted later.</summary>
public enum LibraryStatus
{
    [Label("储备")]
    Reserve = 1,
    [Label("入库")]
    Admitted = 2,
    [Label("已纳入预算")]
    Budgeted = 3,
}

/// <summary>四本预算.</summary>
public enum BudgetKind
{
    [Label("一般公共预算")]
    General = 1,
    [Label("政府性基金预算")]
    GovernmentFund = 2,
    [Label("国有资本经营预算")]
    StateCapital = 3,
    [Label("社会保险基金预算")]
    SocialInsurance = 4,
}

/// <summary>上级转移支付 and its level.</summary>
public enum TransferLevel
{
    [Label("非转移支付")]
    None = 0,
    [Label("中央转移支付")]
    Central = 1,
    [Label("省级转移支付")]
    Province = 2,
    [Label("市级转移支付")]
    City = 3,
}

/// <summary>Fund-source tags besides the budget kind and transfer level.</summary>
[Flags]
public enum FundTags
{
    [Label("无")]
    None = 0,
    [Label("地方政府债券")]
    Bond = 1,
    [Label("PPP")]
    Ppp = 2,
    [Label("政府购买服务")]
    GovernmentPurchase = 4,
    [Label("上年结转")]
    CarryOver = 8,
    /// <summary>专项资金: one that has run more than N years needs an ex-ante evaluation to continue.</summary>
    [Label("专项资金")]
    SpecialFund = 16,
}

/// <summary>One kind of dated budget movement (指标文件) in a project's ledger.</summary>
public enum MovementKind
{
    [Label("年初批复")]
    InitialApproval = 1,
    [Label("追加")]
    Addition = 2,
    [Label("调减")]
    Reduction = 3,
    /// <summary>调剂转出 (paired with a ReallocationIn on another project)</summary>
    [Label("调剂转出")]
    ReallocationOut = 4,
    [Label("调剂转入")]
    ReallocationIn = 5,
    [Label("上年结转")]
    CarryOver = 6,
    /// <summary>待分资金分配：转出 from the pool project</summary>
    [Label("待分资金分配转出")]
    PoolAllocationOut = 7,
    /// <summary>待分资金分配：转入 to the receiving project</summary>
    [Label("待分资金分配转入")]
    PoolAllocationIn = 8,
    [Label("收回")]
    Recovery = 9,
}
