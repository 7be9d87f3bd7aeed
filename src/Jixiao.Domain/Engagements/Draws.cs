using System.Security.Cryptography;
using System.Text;

namespace Jixiao.Domain.Engagements;

/// <summary>
/// The order of a public draw (抽签), reproducible by anyone from its seed without this program: each candidate's number is
/// the SHA-256 of <c>种子|编号</c> (UTF-8, lower-case hex), and candidates are taken in the ascending order of those numbers.
/// <c>printf '%s' '20261204-7351|12' | sha256sum</c> gives the number of candidate 12. The seed is fixed and printed before
/// the draw; nobody can choose it to favour a candidate without trying seeds, which the record would show.
/// </summary>
public static class Draws
{
    /// <summary>The draw number of one candidate (64 hex digits).</summary>
    public static string Number(string seed, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}|{key}")));

    /// <summary>The candidates in draw order: the first is drawn, the next ones replace in turn.</summary>
    public static IReadOnlyList<T> Order<T>(string seed, IEnumerable<T> candidates, Func<T, string> key) =>
        candidates.Select(c => (Candidate: c, Number: Number(seed, key(c))))
            .OrderBy(x => x.Number, StringComparer.Ordinal)
            .Select(x => x.Candidate)
            .ToList();

    /// <summary>A new seed: the date and four digits of chance, short enough to read out and print (e.g. 20261204-7351).</summary>
    public static string NewSeed(DateOnly on, int chance) => $"{on:yyyyMMdd}-{chance % 10000:0000}";

    /// <summary>A seed must be written down before the draw: 4–40 visible characters, no "|" (it separates the key).</summary>
    public static string RequireSeed(string? seed)
    {
        var text = (seed ?? "").Trim();
        if (text.Length is < 4 or > 40 || text.Contains('|') || text.Any(char.IsControl))
            throw new DomainException("抽签种子应为 4–40 个字符，不能含“|”：请使用系统生成的种子，或现场公布的数字。", "种子");
        return text;
    }
}
