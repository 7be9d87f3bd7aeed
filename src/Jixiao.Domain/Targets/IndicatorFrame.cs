namespace Jixiao.Domain.Targets;

/// <summary>One 一级指标 of a frame with its 二级指标, in display order.</summary>
public sealed record FrameLevel(string Level1, IReadOnlyList<string> Level2s);

/// <summary>
/// The 一级/二级 indicator frame of a region and year (DOMAIN.md §3). It is data, not an enum: the national
/// frame is the default, and since 2021 some provinces make 成本指标 a 一级指标. A frame is written as text,
/// one 一级指标 per line or separated by "；": <c>产出指标：数量指标、质量指标、时效指标、成本指标</c>.
/// </summary>
public sealed class IndicatorFrame
{
    public const string Output = "产出指标";
    public const string Benefit = "效益指标";
    public const string Satisfaction = "满意度指标";
    public const string Cost = "成本指标";
    public const string Timeliness = "时效指标";

    private IndicatorFrame(string code, string name, IReadOnlyList<FrameLevel> levels)
    {
        Code = code;
        Name = name;
        Levels = levels;
    }

    /// <summary><see cref="NationalCode"/>, <see cref="CostLevel1Code"/> or <see cref="CustomCode"/>.</summary>
    public string Code { get; }
    public string Name { get; }
    public IReadOnlyList<FrameLevel> Levels { get; }

    public const string NationalCode = "National";
    public const string CostLevel1Code = "CostLevel1";
    public const string CustomCode = "Custom";

    /// <summary>[national] 产出 (数量/质量/时效/成本), 效益 (经济/社会/生态/可持续影响), 满意度 (服务对象满意度).</summary>
    public static IndicatorFrame National { get; } = new(NationalCode, "全国通用框架（成本指标为产出指标下的二级指标）",
    [
        new(Output, ["数量指标", "质量指标", Timeliness, Cost]),
        new(Benefit, ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]),
        new(Satisfaction, ["服务对象满意度指标"]),
    ]);

    /// <summary>The variant with 成本指标 as a 一级指标 (经济成本/社会成本/生态环境成本).</summary>
    public static IndicatorFrame CostLevel1 { get; } = new(CostLevel1Code, "成本指标为一级指标的框架",
    [
        new(Cost, ["经济成本指标", "社会成本指标", "生态环境成本指标"]),
        new(Output, ["数量指标", "质量指标", Timeliness]),
        new(Benefit, ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]),
        new(Satisfaction, ["服务对象满意度指标"]),
    ]);

    public static IReadOnlyList<IndicatorFrame> Presets { get; } = [National, CostLevel1];

    public static IndicatorFrame ForCode(string code, string? customText = null) => code switch
    {
        NationalCode => National,
        CostLevel1Code => CostLevel1,
        CustomCode => Parse(customText ?? ""),
        _ => throw new DomainException($"未知的指标框架“{code}”，应为 {NationalCode}、{CostLevel1Code} 或 {CustomCode}。", "指标框架"),
    };

    /// <summary>Reads a custom frame; every line needs a 一级指标, "：" and at least one 二级指标.</summary>
    public static IndicatorFrame Parse(string text)
    {
        var lines = (text ?? "").Split(['\n', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
            throw new DomainException("自定义指标框架不能为空，每行写一个一级指标，如“产出指标：数量指标、质量指标”。", "指标框架");
        var levels = new List<FrameLevel>();
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split(['：', ':'], 2, StringSplitOptions.TrimEntries);
            var level2s = parts.Length == 2
                ? parts[1].Split(['、', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            if (parts[0].Length == 0 || level2s.Length == 0)
                throw new DomainException($"指标框架第 {i + 1} 行“{lines[i]}”应写成“一级指标：二级指标、二级指标”。", "指标框架");
            if (levels.Any(l => l.Level1 == parts[0]))
                throw new DomainException($"指标框架第 {i + 1} 行：一级指标“{parts[0]}”重复。", "指标框架");
            if (level2s.Distinct().Count() != level2s.Length || levels.SelectMany(l => l.Level2s).Intersect(level2s).Any())
                throw new DomainException($"指标框架第 {i + 1} 行：二级指标重复。", "指标框架");
            levels.Add(new FrameLevel(parts[0], level2s));
        }
        foreach (var required in new[] { Output, Benefit, Satisfaction })
            if (levels.All(l => l.Level1 != required))
                throw new DomainException($"指标框架缺少一级指标“{required}”：每个项目都要有产出、效益和满意度指标。", "指标框架");
        return new IndicatorFrame(CustomCode, "自定义框架", levels);
    }

    /// <summary>The frame written as text, as <see cref="Parse"/> reads it.</summary>
    public string ToText() => string.Join("\n", Levels.Select(l => $"{l.Level1}：{string.Join("、", l.Level2s)}"));

    public bool Contains(string level1, string level2) =>
        Levels.Any(l => l.Level1 == level1 && l.Level2s.Contains(level2));

    /// <summary>The 一级指标 a 二级指标 belongs to in this frame, if any.</summary>
    public string? Level1Of(string level2) => Levels.FirstOrDefault(l => l.Level2s.Contains(level2))?.Level1;

    /// <summary>Whether the 二级指标 is a cost indicator (成本指标 under 产出, or any 二级 under the 一级 成本指标).</summary>
    public static bool IsCost(string level1, string level2) => level2 == Cost || level1 == Cost || level2.Contains("成本");
}
