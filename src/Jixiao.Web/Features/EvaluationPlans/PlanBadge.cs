using Jixiao.Domain.Evaluations;

namespace Jixiao.Web.Features.EvaluationPlans;

/// <summary>The colour of a grade's badge.</summary>
public static class PlanBadge
{
    public static string For(Grade grade) => grade switch
    {
        Grade.Excellent => "text-bg-success",
        Grade.Good => "text-bg-primary",
        Grade.Fair => "text-bg-warning",
        _ => "text-bg-danger",
    };
}
