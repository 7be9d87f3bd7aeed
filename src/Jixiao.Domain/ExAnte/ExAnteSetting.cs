using Jixiao.Domain.Budget;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.ExAnte;

/// <summary>
/// The ex-ante rules of a region-year as values: which projects need an evaluation, the scoring forms of both variants, the
/// conclusion thresholds and what a budget above the cap meets. <see cref="Default"/> is DOMAIN.md §4.1's: new projects from
/// 500万, special funds that have run more than 5 years, 20 points a dimension, ≥ 80 予以支持, ≥ 60 调整完善后予以支持, a cap refuses.
/// </summary>
public sealed record ExAnteRules(decimal MinNewAmount, int SpecialFundYears, ScoringForm ProjectForm, ScoringForm PolicyForm,
    decimal SupportFrom, decimal AdjustFrom, CapMode CapMode, IReadOnlyList<string> ProjectMaterials, IReadOnlyList<string> PolicyMaterials)
{
    public static IReadOnlyList<string> Dimensions(ExAnteVariant variant) => variant == ExAnteVariant.Policy
        ? ["政策设立必要性", "政策保障充分性", "政策目标合理性", "政策实施可持续性", "政策资金合规性"]
        : ["立项必要性", "投入经济性", "绩效目标合理性", "实施方案可行性", "筹资合规性"];

    public static readonly ExAnteRules Default = new(5_000_000m, 5,
        new([.. Dimensions(ExAnteVariant.Project).Select(d => new ScoringItem(d, 20))]),
        new([.. Dimensions(ExAnteVariant.Policy).Select(d => new ScoringItem(d, 20))]),
        80, 60, CapMode.Refuse,
        ["项目申报书", "项目实施方案", "可行性研究报告或论证材料", "绩效目标申报表", "预算测算依据及明细", "资金来源及筹资方案", "相关政策文件依据"],
        ["政策文件（代拟稿）", "政策出台背景及必要性说明", "政策实施方案", "绩效目标申报表", "资金测算及保障方案", "风险评估及应对措施", "调研或论证材料"]);

    public ScoringForm Form(ExAnteVariant variant) => variant == ExAnteVariant.Policy ? PolicyForm : ProjectForm;

    public IReadOnlyList<string> Materials(ExAnteVariant variant) => variant == ExAnteVariant.Policy ? PolicyMaterials : ProjectMaterials;

    /// <summary>The dimension an item of a form scores: its name, or the part before “/” for a sub-item (“立项必要性/政策相符性 10”).</summary>
    public static string DimensionOf(string item) => item.Split('/', 2)[0].Trim();

    /// <summary>The conclusion a score reaches (the thresholds are inclusive: exactly 80 supports, exactly 60 supports after revision).</summary>
    public ExAnteConclusion ConclusionOf(decimal score) =>
        score >= SupportFrom ? ExAnteConclusion.Support : score >= AdjustFrom ? ExAnteConclusion.SupportAfterRevision : ExAnteConclusion.Reject;

    /// <summary>The thresholds in words, for the explanation of a conclusion.</summary>
    public string Thresholds => $"≥ {Scores.Format(SupportFrom)} 分予以支持，{Scores.Format(AdjustFrom)}–{Scores.Format(SupportFrom)} 分调整完善后予以支持，< {Scores.Format(AdjustFrom)} 分不予支持";

    /// <summary>A form of the variant: every item belongs to one of its five dimensions, each dimension has points, 100 in all.</summary>
    public static ScoringForm CheckForm(string? text, ExAnteVariant variant)
    {
        var field = $"{variant.Label()}评分表";
        var form = ScoringForm.Parse(text, field);
        var dimensions = Dimensions(variant);
        if (form.Items.FirstOrDefault(i => !dimensions.Contains(DimensionOf(i.Name))) is { } stray)
            throw new DomainException($"{field}的“{stray.Name}”不属于五个维度（{string.Join("、", dimensions)}）；子项写成“维度/子项 分值”。", field);
        if (dimensions.FirstOrDefault(d => form.Items.All(i => DimensionOf(i.Name) != d)) is { } missing)
            throw new DomainException($"{field}缺少维度“{missing}”：五个维度都要有分值。", field);
        return form;
    }

    public ExAnteRules Checked()
    {
        Money.EnsurePositive(MinNewAmount, "新增项目评估金额");
        if (SpecialFundYears is < 1 or > 30)
            throw new DomainException($"专项资金执行年限应为 1–30 年（现为 {SpecialFundYears}）。", "执行年限");
        if (AdjustFrom <= 0 || AdjustFrom >= SupportFrom || SupportFrom > 100)
            throw new DomainException($"结论分数线应满足 0 < 调整完善线 < 予以支持线 ≤ 100（现为 {Scores.Format(AdjustFrom)} 和 {Scores.Format(SupportFrom)}）。", "分数线");
        CheckMaterials(ProjectMaterials, "项目材料清单");
        CheckMaterials(PolicyMaterials, "政策材料清单");
        return this;
    }

    private static void CheckMaterials(IReadOnlyList<string> list, string field)
    {
        if (list.Count is 0 or > 30) throw new DomainException($"{field}应有 1–30 项，每行一项。", field);
        if (list.FirstOrDefault(m => m.Length > 60) is { } tooLong) throw new DomainException($"{field}的“{tooLong[..20]}…”超过 60 个字。", field);
        if (list.GroupBy(m => m).FirstOrDefault(g => g.Count() > 1) is { } twice) throw new DomainException($"{field}的“{twice.Key}”重复。", field);
    }
}

/// <summary>
/// 事前绩效评估设置 of a region-year ([local], set by the performance division). A region-year without a row uses
/// <see cref="ExAnteRules.Default"/>.
/// </summary>
public sealed class ExAnteSetting : IRegionOwned
{
    private ExAnteSetting() { }

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public decimal MinNewAmount { get; private set; }
    public int SpecialFundYears { get; private set; }
    public string ProjectForm { get; private set; } = "";
    public string PolicyForm { get; private set; } = "";
    public decimal SupportFrom { get; private set; }
    public decimal AdjustFrom { get; private set; }
    public CapMode CapMode { get; private set; }
    /// <summary>The standard materials, one a line.</summary>
    public string ProjectMaterials { get; private set; } = "";
    public string PolicyMaterials { get; private set; } = "";
    public DateTime UpdatedAtUtc { get; private set; }

    public ExAnteRules Rules => new(MinNewAmount, SpecialFundYears, ScoringForm.Parse(ProjectForm), ScoringForm.Parse(PolicyForm), SupportFrom, AdjustFrom,
        CapMode, Lines(ProjectMaterials), Lines(PolicyMaterials));

    public static ExAnteSetting Create(string regionCode, int fiscalYear)
    {
        FiscalYears.EnsureValid(fiscalYear);
        return new() { RegionCode = regionCode, FiscalYear = fiscalYear };
    }

    /// <summary>Keeps the rules after checking each; the forms are written one item a line (<c>名称 分值</c>), the materials one a line.</summary>
    public void Set(decimal minNewAmount, int specialFundYears, string? projectForm, string? policyForm, decimal supportFrom, decimal adjustFrom,
        CapMode capMode, string? projectMaterials, string? policyMaterials, DateTime nowUtc)
    {
        if (!Enum.IsDefined(capMode)) throw new DomainException("超过建议预算控制数时的处理应为“拒绝”或“警示后允许”。", "控制数");
        var rules = new ExAnteRules(minNewAmount, specialFundYears, ExAnteRules.CheckForm(projectForm, ExAnteVariant.Project),
            ExAnteRules.CheckForm(policyForm, ExAnteVariant.Policy), supportFrom, adjustFrom, capMode, Lines(projectMaterials), Lines(policyMaterials)).Checked();
        (MinNewAmount, SpecialFundYears, SupportFrom, AdjustFrom, CapMode) = (rules.MinNewAmount, rules.SpecialFundYears, rules.SupportFrom, rules.AdjustFrom, rules.CapMode);
        (ProjectForm, PolicyForm) = (rules.ProjectForm.Write(), rules.PolicyForm.Write());
        (ProjectMaterials, PolicyMaterials) = (string.Join("\n", rules.ProjectMaterials), string.Join("\n", rules.PolicyMaterials));
        UpdatedAtUtc = nowUtc;
    }

    private static List<string> Lines(string? text) => [.. (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
