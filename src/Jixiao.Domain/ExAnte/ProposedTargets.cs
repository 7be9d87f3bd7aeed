using Jixiao.Domain.Indicators;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.ExAnte;

/// <summary>
/// The indicators an ex-ante application proposes, one a line: <c>一级指标|二级指标|指标名称|指标性质|目标值|计量单位</c>, e.g.
/// <c>产出指标|数量指标|新建校舍面积|≥|5000|平方米</c>. They become the first rows of the project's target form (the 绩效目标合理性
/// dimension reviews them).
/// </summary>
public static class ProposedTargets
{
    public static IReadOnlyList<TargetIndicatorInput> Parse(string? text)
    {
        var rows = new List<TargetIndicatorInput>();
        var lines = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length > 200) throw new DomainException($"拟定绩效指标最多 200 行（现有 {lines.Length} 行）。", "绩效指标");
        for (var i = 0; i < lines.Length; i++)
        {
            var cells = lines[i].Split(['|', '｜'], StringSplitOptions.TrimEntries);
            if (cells.Length is < 5 or > 6 || cells.Take(5).Any(c => c.Length == 0))
                throw new DomainException($"拟定绩效指标第 {i + 1} 行“{lines[i]}”应写成“一级指标|二级指标|指标名称|指标性质|目标值|计量单位”，如“产出指标|数量指标|新建校舍面积|≥|5000|平方米”。", "绩效指标");
            if (ComparisonOf(cells[3]) is not { } comparison)
                throw new DomainException($"拟定绩效指标第 {i + 1} 行的指标性质“{cells[3]}”应为 ≥、＞、＝、≤、＜ 或 定性。", "绩效指标");
            if (cells.Take(3).Any(c => c.Length > 100) || cells[4].Length > 200 || (cells.Length == 6 && cells[5].Length > 40))
                throw new DomainException($"拟定绩效指标第 {i + 1} 行有内容过长（名称不超过 100 字，目标值不超过 200 字）。", "绩效指标");
            rows.Add(new TargetIndicatorInput(cells[0], cells[1], cells[2], comparison, cells[4], cells.Length == 6 ? cells[5] : ""));
        }
        return rows;
    }

    private static Comparison? ComparisonOf(string text) => text switch
    {
        "≥" or ">=" or "≧" or "不低于" => Comparison.GreaterOrEqual,
        "＞" or ">" or "高于" => Comparison.Greater,
        "＝" or "=" or "等于" => Comparison.Equal,
        "≤" or "<=" or "≦" or "不高于" => Comparison.LessOrEqual,
        "＜" or "<" or "低于" => Comparison.Less,
        "定性" => Comparison.Qualitative,
        _ => null,
    };
}
