using Jixiao.Domain.Evaluations;

namespace Jixiao.Domain.Tests.Formatting;

/// <summary>One way to write a rate and a score on every page, sheet and report.</summary>
public sealed class PercentAndScoreTests
{
    public static TheoryData<decimal?, string> Fractions => new()
    {
        { 0.5808m, "58.08%" },      // 时间进度 of 2026-07-31
        { 0.3m, "30.00%" },
        { 1.2999m, "129.99%" },
        { 0m, "0.00%" },
        { 0.00004m, "0.00%" },
        { null, "—" },              // no budget: no rate
    };

    [Theory, MemberData(nameof(Fractions))]
    public void Of_Fraction_TwoDecimals(decimal? fraction, string shown) => Assert.Equal(shown, Percent.Of(fraction));

    [Theory]
    [InlineData(12, 13, "92.31%")]
    [InlineData(3, 0, "—")]
    [InlineData(0, 5, "0.00%")]
    public void Of_PartOfWhole_IsTheShare(int part, int whole, string shown) => Assert.Equal(shown, Percent.Of(part, whole));

    [Theory]
    [InlineData(1094, 2071, "52.82")]   // a round's 完成率: the number the API and the sheet give is the one the page prints
    [InlineData(1, 3, "33.33")]
    [InlineData(2, 3, "66.67")]
    public void Points_Share_IsThePagesNumber(int part, int whole, string points)
    {
        var share = Percent.Share(part, whole);
        Assert.Equal(points, Percent.Points(share)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(points + "%", Percent.Of(share));
    }

    [Fact]
    public void Points_NoBase_IsNull() => Assert.Null(Percent.Points(Percent.Share(5, 0)));

    [Theory]
    [InlineData("9.5", "9.5")]
    [InlineData("10.00", "10")]
    [InlineData("91.375", "91.38")]
    public void Format_Score_UpToTwoDecimals(string score, string shown) =>
        Assert.Equal(shown, Scores.Format(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Format_NoScore_IsBlank() => Assert.Equal("", Scores.Format((decimal?)null));
}
