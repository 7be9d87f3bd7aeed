namespace Jixiao.Domain.Budget;

/// <summary>一级 / 二级 / 三级 project.</summary>
public enum ProjectLevel { Level1 = 1, Level2 = 2, Level3 = 3 }

public enum ProjectCategory
{
    /// <summary>人员类</summary>
    Personnel = 1,
    /// <summary>运转类</summary>
    Operation = 2,
    /// <summary>特定目标类</summary>
    SpecificPurpose = 3,
}

public enum Recurrence
{
    /// <summary>经常性</summary>
    Recurring = 1,
    /// <summary>一次性</summary>
    OneOff = 2,
}

/// <summary>项目库 status. The ex-ante evaluation gate ("先评估后入库") comes in front of Admitted later.</summary>
public enum LibraryStatus
{
    /// <summary>储备</summary>
    Reserve = 1,
    /// <summary>入库</summary>
    Admitted = 2,
    /// <summary>已纳入预算</summary>
    Budgeted = 3,
}

/// <summary>四本预算.</summary>
public enum BudgetKind
{
    /// <summary>一般公共预算</summary>
    General = 1,
    /// <summary>政府性基金预算</summary>
    GovernmentFund = 2,
    /// <summary>国有资本经营预算</summary>
    StateCapital = 3,
    /// <summary>社会保险基金预算</summary>
    SocialInsurance = 4,
}

/// <summary>上级转移支付 and its level.</summary>
public enum TransferLevel
{
    None = 0,
    Central = 1,
    Province = 2,
    City = 3,
}

/// <summary>Fund-source tags besides the budget kind and transfer level.</summary>
[Flags]
public enum FundTags
{
    None = 0,
    /// <summary>地方政府债券</summary>
    Bond = 1,
    /// <summary>PPP</summary>
    Ppp = 2,
    /// <summary>政府购买服务</summary>
    GovernmentPurchase = 4,
    /// <summary>上年结转</summary>
    CarryOver = 8,
}

/// <summary>One kind of dated budget movement (指标文件) in a project's ledger.</summary>
public enum MovementKind
{
    /// <summary>年初批复</summary>
    InitialApproval = 1,
    /// <summary>追加</summary>
    Addition = 2,
    /// <summary>调减</summary>
    Reduction = 3,
    /// <summary>调剂转出 (paired with a ReallocationIn on another project)</summary>
    ReallocationOut = 4,
    /// <summary>调剂转入</summary>
    ReallocationIn = 5,
    /// <summary>上年结转</summary>
    CarryOver = 6,
    /// <summary>待分资金分配：转出 from the pool project</summary>
    PoolAllocationOut = 7,
    /// <summary>待分资金分配：转入 to the receiving project</summary>
    PoolAllocationIn = 8,
    /// <summary>收回</summary>
    Recovery = 9,
}

public static class BudgetLabels
{
    public static string Label(this ProjectCategory c) => c switch
    {
        ProjectCategory.Personnel => "人员类",
        ProjectCategory.Operation => "运转类",
        ProjectCategory.SpecificPurpose => "特定目标类",
        _ => c.ToString(),
    };

    public static string Label(this Recurrence r) => r == Recurrence.Recurring ? "经常性" : "一次性";

    public static string Label(this ProjectLevel l) => l switch
    {
        ProjectLevel.Level1 => "一级",
        ProjectLevel.Level2 => "二级",
        _ => "三级",
    };

    public static string Label(this LibraryStatus s) => s switch
    {
        LibraryStatus.Reserve => "储备",
        LibraryStatus.Admitted => "入库",
        LibraryStatus.Budgeted => "已纳入预算",
        _ => s.ToString(),
    };

    public static string Label(this BudgetKind k) => k switch
    {
        BudgetKind.General => "一般公共预算",
        BudgetKind.GovernmentFund => "政府性基金预算",
        BudgetKind.StateCapital => "国有资本经营预算",
        BudgetKind.SocialInsurance => "社会保险基金预算",
        _ => k.ToString(),
    };

    public static string Label(this TransferLevel t) => t switch
    {
        TransferLevel.None => "",
        TransferLevel.Central => "中央转移支付",
        TransferLevel.Province => "省级转移支付",
        TransferLevel.City => "市级转移支付",
        _ => t.ToString(),
    };

    public static IEnumerable<string> Labels(this FundTags tags)
    {
        if (tags.HasFlag(FundTags.Bond)) yield return "地方政府债券";
        if (tags.HasFlag(FundTags.Ppp)) yield return "PPP";
        if (tags.HasFlag(FundTags.GovernmentPurchase)) yield return "政府购买服务";
        if (tags.HasFlag(FundTags.CarryOver)) yield return "上年结转";
    }

    public static string Label(this MovementKind k) => k switch
    {
        MovementKind.InitialApproval => "年初批复",
        MovementKind.Addition => "追加",
        MovementKind.Reduction => "调减",
        MovementKind.ReallocationOut => "调剂转出",
        MovementKind.ReallocationIn => "调剂转入",
        MovementKind.CarryOver => "上年结转",
        MovementKind.PoolAllocationOut => "待分资金分配转出",
        MovementKind.PoolAllocationIn => "待分资金分配转入",
        MovementKind.Recovery => "收回",
        _ => k.ToString(),
    };
}
