using Jixiao.Domain.Indicators;

namespace Jixiao.Domain.Targets;

/// <summary>
/// What the checks need besides the form: the region-year's frame, the project's last year, and the values
/// of last year's approved targets of a recurring project (by indicator name).
/// </summary>
public sealed record TargetCheckContext(IndicatorFrame Frame, int FiscalYear, int? ProjectEndYear = null,
    IReadOnlyDictionary<string, decimal>? LastYear = null);

/// <summary>
/// One finding of the quality checks. <see cref="Blocking"/> findings stop a submit (and a reviewer's edit);
/// the others are shown for a human to look at. <see cref="Row"/> is the indicator row (1-based), if any.
/// </summary>
public sealed record QualityIssue(bool Blocking, int? Row, string Field, string Message)
{
    public override string ToString() => Row is { } row ? $"第 {row} 行{Field}：{Message}" : $"{Field}：{Message}";
}

/// <summary>The quality checks on targets of DOMAIN.md §3.</summary>
public static class TargetQuality
{
    private static readonly string[] Placeholders = ["*", "**", "***", "_", "__", "-", "--", "—", "——", "/", "XX", "xx", "Xx", "××", "x", "X", "…", "...", "？", "?", "待定", "无"];
    private static readonly string[] InputWords = ["人力投入", "物力投入", "财力投入", "资金投入", "经费投入", "投入资金", "投入人员", "投入经费", "人员投入"];

    public static IReadOnlyList<QualityIssue> Check(TargetSubject subject, string annualGoal, string overallGoal,
        IReadOnlyList<TargetIndicator> rows, TargetCheckContext context)
    {
        var issues = new List<QualityIssue>();
        void Block(int? row, string field, string message) => issues.Add(new QualityIssue(true, row, field, message));
        void Warn(int? row, string field, string message) => issues.Add(new QualityIssue(false, row, field, message));

        var annualLabel = subject == TargetSubject.Project ? "年度目标" : "年度职责目标";
        if (string.IsNullOrWhiteSpace(annualGoal)) Block(null, annualLabel, "不能为空，写明本年度要完成什么、达到什么效果。");
        if (subject == TargetSubject.Project && string.IsNullOrWhiteSpace(overallGoal) && context.ProjectEndYear > context.FiscalYear)
            Warn(null, "总体目标", $"未填写；项目实施到 {context.ProjectEndYear} 年，应写明实施期内的总体目标。");
        if (rows.Count == 0)
        {
            Block(null, "指标", "还没有任何指标，请从指标库引用或新增指标。");
            return issues;
        }
        foreach (var level1 in new[] { IndicatorFrame.Output, IndicatorFrame.Benefit, IndicatorFrame.Satisfaction })
            if (rows.All(r => r.Level1 != level1))
                Block(null, "指标", $"缺少{level1}：每个{(subject == TargetSubject.Project ? "项目" : "部门")}都要有产出、效益和满意度指标。");

        var weighted = rows.Count(r => r.Weight is not null);
        if (weighted > 0 && weighted < rows.Count)
            Block(null, "权重", $"只有 {weighted} / {rows.Count} 行填了权重：要么都填，要么都不填。");
        else if (weighted == rows.Count && rows.Sum(r => r.Weight!.Value) != 100m)
            Block(null, "权重", $"权重合计为 {rows.Sum(r => r.Weight!.Value):0.##}，应为 100。");

        foreach (var duplicate in rows.GroupBy(r => (r.Level2, r.Name)).Where(g => g.Count() > 1 && g.Key.Name.Length > 0))
            Block(duplicate.Skip(1).First().Row, "指标名称", $"“{duplicate.Key.Name}”在{duplicate.Key.Level2}下重复。");

        foreach (var r in rows)
        {
            if (!context.Frame.Contains(r.Level1, r.Level2))
                Block(r.Row, "二级指标", $"“{r.Level1} / {r.Level2}”不在本地区 {context.FiscalYear} 年的指标框架内（{context.Frame.Name}）。");
            if (r.Name.Length == 0) { Block(r.Row, "指标名称", "不能为空。"); continue; }
            if (r.Weight is <= 0m) Block(r.Row, "权重", "应大于 0。");
            if (InputWords.Any(r.Name.Contains))
                Warn(r.Row, "指标名称", $"“{r.Name}”是投入（人力、物力、财力），不是产出或效益目标，请改写为要达到的结果。");

            var value = r.TargetValue.Trim();
            if (value.Length == 0) { Block(r.Row, "指标值", $"“{r.Name}”的指标值不能为空。"); continue; }
            if (Placeholders.Contains(value) || value.Trim('*', '_', '-', 'X', 'x', '×').Length == 0)
            {
                Block(r.Row, "指标值", $"“{value}”是占位符，请填写具体的目标值。");
                continue;
            }
            var parsed = r.Parse(context.FiscalYear);
            if (!parsed.Success) { Block(r.Row, "指标值", parsed.Error); continue; }
            var v = parsed.Value;
            if (v.Comparison != r.Comparison && !(v.Kind is ValueKind.NumberRange or ValueKind.DateRange && r.Comparison == Comparison.Equal))
                Block(r.Row, "指标性质", $"选的是“{r.Comparison.Label()}”，但指标值“{value}”读作“{v.Comparison.Label()}”，请统一。");
            if (v.Kind is ValueKind.Number or ValueKind.NumberRange && v.Unit.Length == 0)
                Block(r.Row, "计量单位", $"定量指标“{r.Name}”必须有计量单位（如 人次、个、万元、%）。");
            else if (r.Unit.Length > 0 && v.Kind is ValueKind.Number or ValueKind.NumberRange && !IndicatorUnits.IsUnit(r.Unit))
                Warn(r.Row, "计量单位", $"“{r.Unit}”不在计量单位词表中（如 人次、台（套）、万元/公里、㎡）：请确认是计量单位，说明文字请写入指标解释。");
            if (IndicatorFrame.IsCost(r.Level1, r.Level2) && v.Comparison is Comparison.GreaterOrEqual or Comparison.Greater)
                Warn(r.Row, "指标性质", $"成本指标“{r.Name}”用“{v.Comparison.Label()}”值得商榷：成本通常应控制在某数以内（≤）。");
            if (v.Kind == ValueKind.Percent && (v.UpperNumber ?? v.Number) > 100m)
                Warn(r.Row, "指标值", $"“{value}”超过 100%，请确认。");
            if (r.Level2 == IndicatorFrame.Timeliness && context.ProjectEndYear is { } end
                && v.Kind is ValueKind.Date or ValueKind.DateRange && (v.EndDate ?? v.Date) > new DateOnly(end, 12, 31))
                Block(r.Row, "指标值", $"时效指标“{r.Name}”的时间 {(v.EndDate ?? v.Date):yyyy-MM-dd} 晚于项目结束年度 {end} 年。");
            if (context.LastYear?.GetValueOrDefault(r.Name) is { } last && v.Number is { } target
                && v.Comparison is Comparison.GreaterOrEqual or Comparison.Greater && target < last)
                Warn(r.Row, "指标值", $"“{r.Name}”目标 {target:0.####} 低于上年 {last:0.####}，经常性项目的目标一般不应降低，请说明理由。");
        }
        return issues;
    }
}
