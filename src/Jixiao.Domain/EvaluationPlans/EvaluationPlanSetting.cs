using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.EvaluationPlans;

/// <summary>
/// 部门评价和重点评价设置 of a region-year ([local]): the share of the target-managed amount each department's evaluations must cover
/// (30 % by default, 沂源) and the three framework templates a plan copies (the national ones by default). A region-year without a
/// row uses the defaults.
/// </summary>
public sealed class EvaluationPlanSetting : IRegionOwned
{
    private EvaluationPlanSetting() { }

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public decimal CoverageShare { get; private set; } = DepartmentCoverage.DefaultShare;
    /// <summary>Frameworks as written by <see cref="EvaluationFramework.Write"/>; blank is the national template.</summary>
    public string ProjectFramework { get; private set; } = "";
    public string DepartmentFramework { get; private set; } = "";
    public string PolicyFramework { get; private set; } = "";
    public DateTime UpdatedAtUtc { get; private set; }

    public static EvaluationPlanSetting Create(string regionCode, int fiscalYear)
    {
        FiscalYears.EnsureValid(fiscalYear);
        return new() { RegionCode = regionCode, FiscalYear = fiscalYear };
    }

    /// <summary>The template a plan of the subject kind copies.</summary>
    public EvaluationFramework Template(PlanSubjectKind subject) => TemplateOf(this, subject);

    public static EvaluationFramework TemplateOf(EvaluationPlanSetting? setting, PlanSubjectKind subject)
    {
        var text = subject switch
        {
            PlanSubjectKind.Department => setting?.DepartmentFramework,
            PlanSubjectKind.Policy => setting?.PolicyFramework,
            _ => setting?.ProjectFramework,
        };
        return string.IsNullOrWhiteSpace(text) ? EvaluationFramework.Template(subject) : EvaluationFramework.Parse(text);
    }

    /// <summary>Keeps the settings after checking each template (产出 + 效益 ≥ 60 %, 100 points).</summary>
    public void Set(decimal coverageSharePercent, string? projectFramework, string? departmentFramework, string? policyFramework, DateTime nowUtc)
    {
        if (coverageSharePercent is < 0 or > 100 || decimal.Round(coverageSharePercent, 2) != coverageSharePercent)
            throw new DomainException($"部门评价覆盖比例应为 0–100 之间的百分数（现为 {coverageSharePercent}）。", "覆盖比例");
        var project = EvaluationFramework.Parse(projectFramework, "项目支出评价指标体系");
        var department = EvaluationFramework.Parse(departmentFramework, "部门整体评价指标体系");
        var policy = EvaluationFramework.Parse(policyFramework, "政策评价指标体系");
        (CoverageShare, ProjectFramework, DepartmentFramework, PolicyFramework, UpdatedAtUtc) =
            (coverageSharePercent / 100m, project.Write(), department.Write(), policy.Write(), nowUtc);
    }
}
