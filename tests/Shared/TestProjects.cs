using Jixiao.Domain.Budget;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Targets;

namespace Jixiao.Tests.Shared;

/// <summary>Test data for the stages after budgeting: a one-year 特定目标类 project already in the budget, and its targets.</summary>
public static class TestProjects
{
    /// <summary>A 一般公共预算 project of <paramref name="unit"/> in the budget of <paramref name="year"/> (its department above it).</summary>
    public static Project Budgeted(OrgUnit unit, int year, string code, string name) =>
        Project.Create(unit.RegionCode, year, unit, unit.ParentId, new Project.Details(code, name, ProjectLevel.Level1, ProjectCategory.SpecificPurpose,
            Recurrence.OneOff, year, year, LibraryStatus.Budgeted, BudgetKind.General, TransferLevel.None, FundTags.None, new DateOnly(year, 1, 1)));

    /// <summary>
    /// 课桌椅购置: approved targets with one row of each kind the scoring rules tell apart — a quantity (≥200套), a
    /// rate (≥98%), a qualitative benefit (明显改善) and satisfaction (≥90%).
    /// </summary>
    public static PerformanceTarget DeskTargets(Project project, DateTime approvedAtUtc) =>
        ApprovedTargets.For(project, approvedAtUtc, DeskGoal, DeskIndicators, "改善办学条件");

    /// <summary>The same targets as the unit submits them, waiting for its department.</summary>
    public static PerformanceTarget SubmittedDeskTargets(Project project, DateTime submittedAtUtc) =>
        ApprovedTargets.Submitted(project, submittedAtUtc, DeskGoal, DeskIndicators, "改善办学条件");

    private const string DeskGoal = "采购课桌椅 200 套，验收合格，师生满意";

    private static readonly TargetIndicatorInput[] DeskIndicators =
    [
        new("产出指标", "数量指标", "采购课桌椅数量", Comparison.GreaterOrEqual, "≥200套", "套"),
        new("产出指标", "质量指标", "验收合格率", Comparison.GreaterOrEqual, "≥98%", "%"),
        new("效益指标", "社会效益指标", "教学条件改善", Comparison.Qualitative, "明显改善", ""),
        new("满意度指标", "服务对象满意度指标", "师生满意度", Comparison.GreaterOrEqual, "≥90%", "%"),
    ];
}
