using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Monitoring;

/// <summary>
/// The warning thresholds a region uses in a year ([local] configuration, set by the performance division). A
/// region-year without a row uses the defaults of DOMAIN.md §4.3.
/// </summary>
public sealed class WarningRuleSetting : IRegionOwned
{
    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public ExecutionMode ExecutionMode { get; private set; }
    public decimal RatioRed { get; private set; }
    public decimal RatioYellow { get; private set; }
    public decimal GapYellow { get; private set; }
    public decimal GapRed { get; private set; }
    public decimal IndicatorRed { get; private set; }
    public decimal IndicatorYellow { get; private set; }
    public decimal IndicatorBlue { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    public WarningRules Rules => new(ExecutionMode, RatioRed, RatioYellow, GapYellow, GapRed, IndicatorRed, IndicatorYellow, IndicatorBlue);

    public static WarningRuleSetting Create(string regionCode, int fiscalYear) =>
        new() { RegionCode = regionCode, FiscalYear = fiscalYear };

    /// <summary>Keeps the thresholds after checking their order (refused with the fix otherwise).</summary>
    public void Set(WarningRules rules, DateTime nowUtc)
    {
        var valid = rules.Validated();
        (ExecutionMode, RatioRed, RatioYellow, GapYellow, GapRed, IndicatorRed, IndicatorYellow, IndicatorBlue) =
            (valid.ExecutionMode, valid.RatioRed, valid.RatioYellow, valid.GapYellow, valid.GapRed, valid.IndicatorRed, valid.IndicatorYellow, valid.IndicatorBlue);
        UpdatedAtUtc = nowUtc;
    }
}
