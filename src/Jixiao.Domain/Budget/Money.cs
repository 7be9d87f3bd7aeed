using System.Globalization;

namespace Jixiao.Domain.Budget;

/// <summary>Amounts are decimal 元 with at most two decimals (whole 分); the database stores 分.</summary>
public static class Money
{
    /// <summary>Largest amount accepted: one trillion 元 (keeps 分 inside a 64-bit integer with room to sum).</summary>
    public const decimal Max = 1_000_000_000_000m;

    public static void EnsurePositive(decimal amount, string field)
    {
        if (amount <= 0)
            throw new DomainException($"{field}必须大于 0，当前为 {Format(amount)} 元。", field);
        EnsureValid(amount, field);
    }

    public static void EnsureValid(decimal amount, string field)
    {
        if (decimal.Round(amount, 2) != amount)
            throw new DomainException($"{field} {amount} 元精确到了分以下，请保留两位小数。", field);
        if (Math.Abs(amount) > Max)
            throw new DomainException($"{field} {Format(amount)} 元超出范围。", field);
    }

    public static long ToFen(decimal yuan) => (long)decimal.Round(yuan * 100m, 0, MidpointRounding.AwayFromZero);

    public static decimal FromFen(long fen) => fen / 100m;

    public static string Format(decimal yuan) => yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>万元 with two decimals, as finance tables print.</summary>
    public static string FormatWan(decimal yuan) => (yuan / 10_000m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>The convention for an amount in a sentence or on a page: "30.00 万元".</summary>
    public static string Wan(decimal yuan) => $"{FormatWan(yuan)} 万元";

    /// <summary>The exact amount behind a rounded 万元 figure ("300,000.00 元"), e.g. for a page's tooltip.</summary>
    public static string Exact(decimal yuan) => $"{Format(yuan)} 元";
}
