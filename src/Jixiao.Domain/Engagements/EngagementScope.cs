namespace Jixiao.Domain.Engagements;
/// <summary>What a third party is engaged for (委托范围).</summary>
public enum EngagementScope
{
    [Label("事前评估")] ExAnte = 1,
    [Label("目标评审")] TargetReview = 2,
    [Label("运行监控")] Monitoring = 3,
    [Label("部门评价")] DepartmentEvaluation = 4,
    [Label("财政重点评价")] KeyEvaluation = 5,
}
