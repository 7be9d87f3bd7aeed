using Jixiao.Domain.Access;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Targets;

namespace Jixiao.Tests.Shared;

/// <summary>A project's targets written and approved through the whole review chain at one instant (test data for the stages after approval).</summary>
public static class ApprovedTargets
{
    public static PerformanceTarget For(Project project, DateTime approvedAtUtc, string annualGoal, IReadOnlyList<TargetIndicatorInput> indicators,
        string overallGoal = "完成项目建设，发挥效益")
    {
        var target = Submitted(project, approvedAtUtc, annualGoal, indicators, overallGoal);
        target.Approve(new ReviewActor(null, "主管部门", Role.DepartmentReviewer), ReviewGrade.Excellent, null, approvedAtUtc);
        target.Approve(new ReviewActor(null, "业务股室", Role.BusinessDivision), ReviewGrade.Excellent, null, approvedAtUtc);
        target.Approve(new ReviewActor(null, "绩效股", Role.PerformanceDivision), ReviewGrade.Excellent, null, approvedAtUtc);
        return target;
    }

    /// <summary>The targets written and submitted by the project's unit: waiting for its department.</summary>
    public static PerformanceTarget Submitted(Project project, DateTime submittedAtUtc, string annualGoal, IReadOnlyList<TargetIndicatorInput> indicators,
        string overallGoal = "完成项目建设，发挥效益")
    {
        var target = PerformanceTarget.ForProject(project, submittedAtUtc);
        var context = new TargetCheckContext(IndicatorFrame.National, project.FiscalYear, project.EndYear);
        var unit = new ReviewActor(null, "单位填报人", Role.UnitFiller);
        target.Edit(unit, overallGoal, annualGoal, indicators, context, submittedAtUtc);
        target.Submit(unit, context, submittedAtUtc);
        return target;
    }
}
