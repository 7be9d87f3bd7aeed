using Jixiao.Domain.Organisation;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Targets;

/// <summary>
/// The indicator frame a region uses in a year ([local] configuration): a preset or a custom text. A
/// region-year without a row uses the national frame.
/// </summary>
public sealed class IndicatorFrameSetting : IRegionOwned
{
    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public string FrameCode { get; private set; } = IndicatorFrame.NationalCode;
    public string CustomText { get; private set; } = "";
    public DateTime UpdatedAtUtc { get; private set; }

    public IndicatorFrame Frame => IndicatorFrame.ForCode(FrameCode, CustomText);

    public static IndicatorFrameSetting Create(string regionCode, int fiscalYear) =>
        new() { RegionCode = regionCode, FiscalYear = fiscalYear };

    /// <summary>Sets the frame; a custom text is read (and refused with its line) before it is kept.</summary>
    public void Choose(string frameCode, string? customText, DateTime nowUtc)
    {
        var frame = IndicatorFrame.ForCode(frameCode, customText);
        FrameCode = frame.Code;
        CustomText = frame.Code == IndicatorFrame.CustomCode ? frame.ToText() : "";
        UpdatedAtUtc = nowUtc;
    }
}
