namespace Jixiao.Domain.Organisation;

public enum RegionLevel
{
    [Label("省级")]
    Province = 1,
    [Label("市级")]
    City = 2,
    [Label("县级")]
    County = 3,
}

/// <summary>财政区划代码: six digits, province <c>xx0000</c>, city <c>xxxx00</c>, county <c>xxxxxx</c>.</summary>
public static class RegionCode
{
    public static bool IsValid(string? code) =>
        code is { Length: 6 } && code.All(char.IsAsciiDigit) && code[..2] != "00";

    public static void EnsureValid(string? code, string field = "区划代码")
    {
        if (!IsValid(code))
            throw new DomainException($"{field}“{code}”不是有效的财政区划代码：应为 6 位数字，例如 140423（襄垣县）。", field);
    }

    public static RegionLevel LevelOf(string code)
    {
        EnsureValid(code);
        if (code[2..] == "0000") return RegionLevel.Province;
        if (code[4..] == "00") return RegionLevel.City;
        return RegionLevel.County;
    }

    /// <summary>The code of the region directly above, or null for a province.</summary>
    public static string? ParentOf(string code) => LevelOf(code) switch
    {
        RegionLevel.Province => null,
        RegionLevel.City => code[..2] + "0000",
        _ => code[..4] + "00",
    };

    /// <summary>True when <paramref name="descendant"/> is <paramref name="ancestor"/> or lies below it.</summary>
    public static bool Covers(string ancestor, string descendant) => LevelOf(ancestor) switch
    {
        RegionLevel.Province => descendant[..2] == ancestor[..2],
        RegionLevel.City => descendant[..4] == ancestor[..4],
        _ => descendant == ancestor,
    };
}
