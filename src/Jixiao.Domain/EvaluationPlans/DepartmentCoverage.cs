namespace Jixiao.Domain.EvaluationPlans;

/// <summary>
/// 部门评价覆盖 (DOMAIN.md §4.4, [local] 30 %): of a department's target-managed projects (budgeted, with approved targets), the amount
/// its department evaluations cover against the share required. A project counts once however many plans cover it; a cancelled plan
/// covers nothing.
/// </summary>
/// <param name="Managed">the full-year budget of the department's target-managed projects (元)</param>
/// <param name="Covered">of it, the projects covered by the department's own evaluations (元)</param>
/// <param name="Required">the share required (0.3)</param>
public sealed record DepartmentCoverage(long DepartmentId, string Department, int Projects, decimal Managed, int CoveredProjects, decimal Covered, decimal Required)
{
    public const decimal DefaultShare = 0.3m;

    /// <summary>Covered ÷ managed (null when the department manages nothing).</summary>
    public decimal? Share => Managed > 0 ? Covered / Managed : null;

    /// <summary>What is missing to reach the share (元), 0 when reached.</summary>
    public decimal Shortfall => Math.Max(0m, decimal.Round(Required * Managed - Covered, 2, MidpointRounding.AwayFromZero));

    public bool Reached => Managed == 0 || Shortfall == 0;

    /// <summary>The arithmetic in words: "覆盖 1,200.00 万元 ÷ 目标管理 3,000.00 万元 = 40.00%，要求 30%：已达到".</summary>
    public string Explanation => Managed == 0
        ? "本年度没有纳入目标管理的项目"
        : $"覆盖 {Budget.Money.Wan(Covered)} ÷ 目标管理 {Budget.Money.Wan(Managed)} = {Percent.Of(Share)}，要求 {Percent.Of(Required)}："
          + (Reached ? "已达到" : $"还差 {Budget.Money.Wan(Shortfall)}");

    /// <param name="projects">the department's target-managed projects: id and full-year budget</param>
    /// <param name="covered">the projects its (not cancelled) department evaluations cover</param>
    public static DepartmentCoverage Of(long departmentId, string name, IReadOnlyDictionary<long, decimal> projects, IEnumerable<long> covered, decimal required)
    {
        if (required is < 0 or > 1) throw new DomainException($"部门评价覆盖比例应在 0–100% 之间（现为 {Percent.Of(required)}）。", "覆盖比例");
        var counted = covered.Where(projects.ContainsKey).ToHashSet();
        return new(departmentId, name, projects.Count, projects.Values.Sum(), counted.Count, counted.Sum(p => projects[p]), required);
    }
}
