namespace Jixiao.Domain;

/// <summary>
/// The one business calendar: a business date or year (the default year of a page, "today" of a monitoring round, a due
/// date, a document's date) is the date in Beijing of an instant, never its UTC date — from 16:00 UTC on 31 December it
/// is already the next year in every county. Stored instants stay UTC; only dates and years go through here.
/// </summary>
public static class BusinessCalendar
{
    /// <summary>
    /// China Standard Time: the system's Asia/Shanghai (tzdata on Linux, ICU or the Windows name elsewhere), or a fixed
    /// UTC+8 on a host without a time-zone database — China has kept no daylight saving time since 1991, so the two agree.
    /// </summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    private static TimeZoneInfo FindZone()
    {
        foreach (var id in new[] { "Asia/Shanghai", "China Standard Time" })
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) return zone;
        return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "中国标准时间", "中国标准时间");
    }

    /// <summary>The wall-clock time in Beijing of a UTC instant (as stored: kind UTC or unspecified).</summary>
    public static DateTime ToBeijing(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The business date of a UTC instant.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToBeijing(utc));

    public static DateOnly DateOf(DateTimeOffset instant) => DateOf(instant.UtcDateTime);

    /// <summary>The business (fiscal) year an instant falls in.</summary>
    public static int YearOf(DateTimeOffset instant) => DateOf(instant).Year;

    /// <summary>The first instant of a business day, in UTC: a day's records are those in [StartUtc(d), StartUtc(d + 1)).</summary>
    public static DateTime StartUtc(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);
}
