using System.Text.RegularExpressions;

namespace Jixiao.Domain.Tests.Calendar;

/// <summary>
/// No business date or year is taken from the UTC date or the host's zone: every default year, today and document date
/// goes through BusinessCalendar (domain) or BusinessClock (web, on the injected TimeProvider).
/// </summary>
public sealed partial class OneCalendarSourceTests
{
    private static readonly string[] Calendar = ["src/Jixiao.Domain/BusinessCalendar.cs", "src/Jixiao.Web/Features/Shared/BusinessClock.cs"];

    [GeneratedRegex(@"GetUtcNow\(\)\s*\.\s*(Year|Date|Month|Day)\b|UtcDateTime\s*\.\s*(Year|Date|Month|Day)\b|\bDateTime(Offset)?\s*\.\s*(Now|UtcNow|Today)\b|\bTimeZoneInfo\b|AddHours\(\s*8\s*\)|DateOnly\.FromDateTime\(")]
    private static partial Regex UtcBusinessDate();

    [Fact]
    public void Sources_OutsideTheCalendar_TakeNoDateOrYearFromUtcOrTheHostClock()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Jixiao.slnx"))) root = root.Parent ?? throw new InvalidOperationException("找不到仓库根目录 Jixiao.slnx。");
        var src = Path.Combine(root.FullName, "src");
        var found = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root.FullName, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part is "bin" or "obj" or "Migrations") && !Calendar.Contains(f))
            .SelectMany(f => File.ReadLines(Path.Combine(root.FullName, f)).Select((line, i) => (f, Line: i + 1, Text: line)))
            .Where(l => UtcBusinessDate().IsMatch(l.Text))
            .Select(l => $"{l.f}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(found.Count == 0, "业务日期和年度应取自 BusinessCalendar / BusinessClock（北京时间），以下各处取了 UTC 日期或主机时钟：\n" + string.Join("\n", found));
        Assert.True(File.Exists(Path.Combine(root.FullName, Calendar[0])), "日历本身应在 " + Calendar[0]);
    }
}
