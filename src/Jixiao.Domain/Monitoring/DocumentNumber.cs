namespace Jixiao.Domain.Monitoring;

/// <summary>
/// 文号 of the documents finance issues for corrective actions, as a finance bureau numbers them: a prefix of the region
/// (襄财绩), the year in 〔〕 and a number sequential in the region-year — 襄财绩〔2026〕12号.
/// </summary>
public static class DocumentNumber
{
    public const int MaxPrefixLength = 12;

    public static string Format(string prefix, int year, long sequence) => $"{prefix}〔{year}〕{sequence}号";

    /// <summary>The prefix a region starts with: the first character of its name and 财绩 (襄垣县 → 襄财绩).</summary>
    public static string DefaultPrefix(string regionName) =>
        (regionName.Trim() is { Length: > 0 } name ? name[..1] : "") + "财绩";

    /// <summary>A prefix as typed: trimmed, not empty, short, and without the brackets and digits the number adds.</summary>
    public static string ValidPrefix(string? prefix)
    {
        var p = (prefix ?? "").Trim();
        if (p.Length == 0) throw new DomainException("请填写文号前缀，如“襄财绩”。", "文号前缀");
        if (p.Length > MaxPrefixLength) throw new DomainException($"文号前缀不超过 {MaxPrefixLength} 个字，当前 {p.Length} 个。", "文号前缀");
        if (p.Any(c => char.IsDigit(c) || c is '〔' or '〕' or '[' or ']' or '号'))
            throw new DomainException($"文号前缀“{p}”不应含数字、〔〕或“号”：年度和序号由系统加上，如“襄财绩”生成“襄财绩〔2026〕1号”。", "文号前缀");
        return p;
    }
}
