using Jixiao.Domain.Access;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Targets;

/// <summary>DOMAIN.md §3 quality checks: each finding, with the row and whether it blocks a submit.</summary>
public sealed class TargetQualityTests
{
    private static readonly TargetCheckContext Context = new(IndicatorFrame.National, 2026, ProjectEndYear: 2026,
        LastYear: new Dictionary<string, decimal> { ["学生受资助人数"] = 800m });

    private static IReadOnlyList<QualityIssue> CheckWith(int row, TargetIndicatorInput replacement)
    {
        var rows = PerformanceTargetTests.GoodRows();
        rows[row - 1] = replacement;
        var target = PerformanceTarget.ForProject(PerformanceTargetTests.SchoolProject(), DateTime.UnixEpoch);
        return target.Edit(new ReviewActor(1, "u", Role.UnitFiller), "总体目标", "年度目标", rows, Context, DateTime.UnixEpoch);
    }

    public static TheoryData<int, TargetIndicatorInput, bool, string> Findings => new()
    {
        // placeholders
        { 1, new("产出指标", "数量指标", "学生受资助人数", Comparison.GreaterOrEqual, "XX", "人次"), true, "占位符" },
        { 2, new("产出指标", "质量指标", "资助对象认定准确率", Comparison.GreaterOrEqual, "*", "%"), true, "占位符" },
        // quantitative without a unit
        { 1, new("产出指标", "数量指标", "新建校舍", Comparison.GreaterOrEqual, "≥3", ""), true, "计量单位" },
        // the comparison column and the value disagree
        { 2, new("产出指标", "质量指标", "资助对象认定准确率", Comparison.LessOrEqual, "≥98%", "%"), true, "指标性质" },
        // a cost with ≥
        { 4, new("产出指标", "成本指标", "生均补助标准", Comparison.GreaterOrEqual, "≥1000元/生", "元/生"), false, "成本指标" },
        // a percentage above 100
        { 2, new("产出指标", "质量指标", "资助对象认定准确率", Comparison.GreaterOrEqual, "≥120%", "%"), false, "超过 100%" },
        // a 时效 date after the project's end
        { 3, new("产出指标", "时效指标", "资金发放完成时间", Comparison.LessOrEqual, "2027年6月", ""), true, "晚于项目结束年度" },
        // inputs are not targets
        { 1, new("产出指标", "数量指标", "人力投入", Comparison.GreaterOrEqual, "≥5人", "人"), false, "投入" },
        // lower than last year for a recurring indicator
        { 1, new("产出指标", "数量指标", "学生受资助人数", Comparison.GreaterOrEqual, "≥735人次", "人次"), false, "低于上年" },
        // not in the region-year's frame
        { 5, new("效益指标", "经济成本指标", "带动就业", Comparison.GreaterOrEqual, "≥10人", "人"), true, "指标框架" },
        // a value the parser cannot read
        { 1, new("产出指标", "数量指标", "学生受资助人数", Comparison.GreaterOrEqual, "视情况而定", "人次"), true, "指标值" },
    };

    [Theory, MemberData(nameof(Findings))]
    public void EachCheck_FindsItsProblemOnTheRightRow(int row, TargetIndicatorInput input, bool blocking, string message)
    {
        var issue = Assert.Single(CheckWith(row, input), i => i.Message.Contains(message) || i.Field.Contains(message));
        Assert.Equal((row, blocking), (issue.Row, issue.Blocking));
    }

    [Theory]
    [InlineData("≥12", "台（套）")]
    [InlineData("≥12", "台(套)")]
    [InlineData("≥820", "人·次")]
    [InlineData("≥35", "万元/公里")]
    [InlineData("≥500", "m³")]
    [InlineData("≥1200", "㎡")]
    [InlineData("≥12台（套）", "台（套）")]
    public void Unit_CompoundOrBracketed_IsAUnit(string value, string unit)
    {
        Assert.Empty(CheckWith(1, PerformanceTargetTests.GoodRows()[0] with { Name = "设备购置数量", TargetValue = value, Unit = unit }));
    }

    [Fact]
    public void Unit_PhraseInTheUnitColumn_IsAWarningNotAUnit()
    {
        var issue = Assert.Single(CheckWith(1, PerformanceTargetTests.GoodRows()[0] with { Name = "培训期数", TargetValue = "≥12", Unit = "期未按时培训" }));

        Assert.Equal((false, "计量单位"), (issue.Blocking, issue.Field));
        Assert.Equal("“期未按时培训”不在计量单位词表中（如 人次、台（套）、万元/公里、㎡）：请确认是计量单位，说明文字请写入指标解释。", issue.Message);
    }

    [Fact]
    public void GoodTargets_HaveNoFindings() =>
        Assert.Empty(CheckWith(1, PerformanceTargetTests.GoodRows()[0] with { TargetValue = "≥820人次" }));

    [Fact]
    public void Weights_AreAllOrNothing_AndAddUpTo100()
    {
        var rows = PerformanceTargetTests.GoodRows();
        var target = PerformanceTarget.ForProject(PerformanceTargetTests.SchoolProject(), DateTime.UnixEpoch);
        var actor = new ReviewActor(1, "u", Role.UnitFiller);
        var partial = target.Edit(actor, "g", "a", [rows[0] with { Weight = 50 }, .. rows.Skip(1)], Context, DateTime.UnixEpoch);
        Assert.Contains(partial, i => i.Blocking && i.Message.Contains("1 / 6"));
        var wrongSum = target.Edit(actor, "g", "a", rows.Select(r => r with { Weight = 10 }).ToList(), Context, DateTime.UnixEpoch);
        Assert.Contains(wrongSum, i => i.Blocking && i.Message.Contains("合计为 60"));
        var right = target.Edit(actor, "g", "a", rows.Select((r, i) => r with { Weight = i == 0 ? 50 : 10 }).ToList(), Context, DateTime.UnixEpoch);
        Assert.DoesNotContain(right, i => i.Field == "权重");
    }

    [Fact]
    public void MissingLevel1_IsNamed()
    {
        var rows = PerformanceTargetTests.GoodRows().Where(r => r.Level1 != IndicatorFrame.Satisfaction).ToList();
        var target = PerformanceTarget.ForProject(PerformanceTargetTests.SchoolProject(), DateTime.UnixEpoch);
        var issues = target.Edit(new ReviewActor(1, "u", Role.UnitFiller), "g", "a", rows, Context, DateTime.UnixEpoch);
        Assert.Contains(issues, i => i.Blocking && i.Message.Contains("缺少满意度指标"));
    }

    [Fact]
    public void CostLevel1Frame_AcceptsCostAsAFirstLevelIndicator_AndTheNationalFrameDoesNot()
    {
        var cost = new TargetIndicatorInput("成本指标", "经济成本指标", "生均补助标准", Comparison.LessOrEqual, "≤1000元/生", "元/生");
        var rows = PerformanceTargetTests.GoodRows().Where(r => r.Level2 != "成本指标").Append(cost).ToList();
        var target = PerformanceTarget.ForProject(PerformanceTargetTests.SchoolProject(), DateTime.UnixEpoch);
        var actor = new ReviewActor(1, "u", Role.UnitFiller);
        Assert.DoesNotContain(target.Edit(actor, "g", "a", rows, Context with { Frame = IndicatorFrame.CostLevel1 }, DateTime.UnixEpoch),
            i => i.Blocking);
        Assert.Contains(target.Edit(actor, "g", "a", rows, Context, DateTime.UnixEpoch), i => i.Blocking && i.Field == "二级指标");
    }

    [Fact]
    public void CustomFrame_IsReadFromText_WithPreciseErrors()
    {
        var frame = IndicatorFrame.Parse("产出指标：数量指标、质量指标\n效益指标：社会效益指标\n满意度指标：服务对象满意度指标");
        Assert.True(frame.Contains("产出指标", "质量指标"));
        Assert.Equal(frame.ToText(), IndicatorFrame.Parse(frame.ToText()).ToText());
        Assert.Contains("第 2 行", Assert.Throws<DomainException>(() => IndicatorFrame.Parse("产出指标：数量指标\n效益指标")).Message);
        Assert.Contains("满意度", Assert.Throws<DomainException>(() => IndicatorFrame.Parse("产出指标：数量指标；效益指标：社会效益指标")).Message);
        Assert.Equal(IndicatorFrame.National.ToText(), IndicatorFrame.Parse(IndicatorFrame.National.ToText()).ToText());
    }
}
