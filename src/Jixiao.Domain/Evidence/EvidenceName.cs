using System.Text;

namespace Jixiao.Domain.Evidence;

/// <summary>
/// The name an evidence file is kept and sent under: the last segment of what the browser sent (old browsers send the whole
/// path), without control characters or characters Windows refuses, spaces tidied, at most <see cref="MaxLength"/> characters,
/// and ending in an extension of its kind (a PDF sent as "报告" or "报告.png" is kept as "报告.pdf" / "报告.png.pdf").
/// </summary>
public static class EvidenceName
{
    public const int MaxLength = 120;
    private const string Unsafe = "\\/:*?\"<>|";
    private static readonly HashSet<string> Devices = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>The name as messages show it, before the kind is known.</summary>
    public static string Tidy(string? sent)
    {
        var name = (sent ?? "").Normalize(NormalizationForm.FormC);
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                if (text.Length > 0 && text[^1] != ' ') text.Append(' ');
            }
            else text.Append(Unsafe.Contains(c) ? '_' : c);
        }
        name = text.ToString().Trim(' ', '.');
        return name.Length == 0 ? "附件" : name;
    }

    /// <summary>The name kept for a file of <paramref name="kind"/>.</summary>
    public static string Clean(string? sent, EvidenceKind kind)
    {
        var name = Tidy(sent);
        var extensions = kind.Extensions();
        var extension = Path.GetExtension(name);
        var fits = extensions.Contains(extension.ToLowerInvariant());
        var stem = fits ? name[..^extension.Length] : name;
        if (!fits) extension = extensions[0];
        if (Devices.Contains(stem.Split('.')[0])) stem = "_" + stem;
        if (stem.Length + extension.Length > MaxLength)
        {
            var keep = MaxLength - extension.Length;
            if (char.IsHighSurrogate(stem[keep - 1])) keep--;
            stem = stem[..keep].TrimEnd(' ', '.');
        }
        return stem + extension;
    }
}
