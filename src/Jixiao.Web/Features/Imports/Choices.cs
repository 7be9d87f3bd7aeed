using Jixiao.Domain.Budget;

namespace Jixiao.Web.Features.Imports;

/// <summary>The words the 一体化 exports use for each closed list, mapped to the domain values.</summary>
public static class Choices
{
    public static readonly IReadOnlyDictionary<string, ProjectLevel> Level = new Dictionary<string, ProjectLevel>
    {
        ["一级"] = ProjectLevel.Level1, ["一级项目"] = ProjectLevel.Level1, ["1"] = ProjectLevel.Level1,
        ["二级"] = ProjectLevel.Level2, ["二级项目"] = ProjectLevel.Level2, ["2"] = ProjectLevel.Level2,
        ["三级"] = ProjectLevel.Level3, ["三级项目"] = ProjectLevel.Level3, ["3"] = ProjectLevel.Level3,
    };

    public static readonly IReadOnlyDictionary<string, ProjectCategory> Category = new Dictionary<string, ProjectCategory>
    {
        ["人员类"] = ProjectCategory.Personnel, ["人员类项目"] = ProjectCategory.Personnel,
        ["运转类"] = ProjectCategory.Operation, ["运转类项目"] = ProjectCategory.Operation,
        ["特定目标类"] = ProjectCategory.SpecificPurpose, ["特定目标类项目"] = ProjectCategory.SpecificPurpose,
    };

    public static readonly IReadOnlyDictionary<string, Recurrence> Recurrence = new Dictionary<string, Recurrence>
    {
        ["经常性"] = Domain.Budget.Recurrence.Recurring, ["经常性项目"] = Domain.Budget.Recurrence.Recurring,
        ["一次性"] = Domain.Budget.Recurrence.OneOff, ["一次性项目"] = Domain.Budget.Recurrence.OneOff,
    };

    public static readonly IReadOnlyDictionary<string, LibraryStatus> Status = new Dictionary<string, LibraryStatus>
    {
        ["储备"] = LibraryStatus.Reserve, ["储备库"] = LibraryStatus.Reserve,
        ["入库"] = LibraryStatus.Admitted, ["已入库"] = LibraryStatus.Admitted,
        ["已纳入预算"] = LibraryStatus.Budgeted, ["纳入预算"] = LibraryStatus.Budgeted, ["预算"] = LibraryStatus.Budgeted,
    };

    public static readonly IReadOnlyDictionary<string, BudgetKind> BudgetKind = new Dictionary<string, BudgetKind>
    {
        ["一般公共预算"] = Domain.Budget.BudgetKind.General, ["一般公共预算资金"] = Domain.Budget.BudgetKind.General,
        ["政府性基金预算"] = Domain.Budget.BudgetKind.GovernmentFund, ["政府性基金"] = Domain.Budget.BudgetKind.GovernmentFund,
        ["国有资本经营预算"] = Domain.Budget.BudgetKind.StateCapital, ["国有资本经营"] = Domain.Budget.BudgetKind.StateCapital,
        ["社会保险基金预算"] = Domain.Budget.BudgetKind.SocialInsurance, ["社会保险基金"] = Domain.Budget.BudgetKind.SocialInsurance,
    };

    public static readonly IReadOnlyDictionary<string, TransferLevel> Transfer = new Dictionary<string, TransferLevel>
    {
        ["无"] = TransferLevel.None, ["否"] = TransferLevel.None,
        ["中央"] = TransferLevel.Central, ["中央转移支付"] = TransferLevel.Central,
        ["省级"] = TransferLevel.Province, ["省"] = TransferLevel.Province, ["省级转移支付"] = TransferLevel.Province,
        ["市级"] = TransferLevel.City, ["市"] = TransferLevel.City, ["市级转移支付"] = TransferLevel.City,
    };

    public static readonly IReadOnlyDictionary<string, FundTags> Tag = new Dictionary<string, FundTags>
    {
        ["地方政府债券"] = FundTags.Bond, ["债券"] = FundTags.Bond, ["专项债券"] = FundTags.Bond, ["一般债券"] = FundTags.Bond,
        ["PPP"] = FundTags.Ppp,
        ["政府购买服务"] = FundTags.GovernmentPurchase,
        ["上年结转"] = FundTags.CarryOver, ["结转"] = FundTags.CarryOver,
        ["专项资金"] = FundTags.SpecialFund, ["专项"] = FundTags.SpecialFund,
    };

    public static readonly IReadOnlyDictionary<string, bool> YesNo = new Dictionary<string, bool>
    {
        ["是"] = true, ["Y"] = true, ["1"] = true, ["否"] = false, ["N"] = false, ["0"] = false,
    };

    public static readonly IReadOnlyDictionary<string, MovementKind> Movement = BuildMovements();

    private static Dictionary<string, MovementKind> BuildMovements()
    {
        var map = Enum.GetValues<MovementKind>().ToDictionary(k => k.Label(), k => k);
        map["调剂(转出)"] = MovementKind.ReallocationOut;
        map["调剂(转入)"] = MovementKind.ReallocationIn;
        map["待分资金转出"] = MovementKind.PoolAllocationOut;
        map["待分资金分配"] = MovementKind.PoolAllocationIn;
        map["年初预算"] = MovementKind.InitialApproval;
        map["收回指标"] = MovementKind.Recovery;
        return map;
    }
}
