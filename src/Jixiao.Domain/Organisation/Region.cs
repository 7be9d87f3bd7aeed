namespace Jixiao.Domain.Organisation;

/// <summary>财政区划: province → city → county, identified by its six-digit code.</summary>
public sealed class Region : IRegionOwned
{
    private Region() { }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? ParentCode { get; private set; }
    public RegionLevel Level { get; private set; }

    string IRegionOwned.RegionCode => Code;

    public static Region Create(string code, string name)
    {
        RegionCode.EnsureValid(code);
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainException("区划名称不能为空。", "区划名称");
        return new Region { Code = code, Name = name.Trim(), ParentCode = RegionCode.ParentOf(code), Level = RegionCode.LevelOf(code) };
    }
}

public enum FiscalYearStatus
{
    /// <summary>编制中: budget being prepared</summary>
    [Label("编制中")]
    Planning = 1,
    [Label("执行中")]
    Executing = 2,
    [Label("已决算")]
    Closed = 3,
}

/// <summary>预算年度 of one region.</summary>
public sealed class FiscalYear : IRegionOwned
{
    private FiscalYear() { }

    public string RegionCode { get; private set; } = "";
    public int Year { get; private set; }
    public FiscalYearStatus Status { get; private set; }

    public static FiscalYear Open(string regionCode, int year, FiscalYearStatus status)
    {
        Organisation.RegionCode.EnsureValid(regionCode);
        FiscalYears.EnsureValid(year);
        return new FiscalYear { RegionCode = regionCode, Year = year, Status = status };
    }
}
