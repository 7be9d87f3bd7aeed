using Jixiao.Domain;

namespace Jixiao.Domain.Tests.Calendar;

/// <summary>Business dates and years are Beijing's: the new year starts at 16:00 UTC on 31 December.</summary>
public sealed class BusinessCalendarTests
{
    [Theory]
    [InlineData("2026-12-31T15:59:59Z", "2026-12-31")]
    [InlineData("2026-12-31T16:00:00Z", "2027-01-01")]
    [InlineData("2026-12-31T17:00:00Z", "2027-01-01")]
    [InlineData("2027-07-15T15:59:59Z", "2027-07-15")] // summer: no daylight saving time, still UTC+8
    [InlineData("2027-07-15T16:00:00Z", "2027-07-16")]
    public void DateOf_AnInstant_IsItsDateInBeijing(string instant, string date) =>
        Assert.Equal(DateOnly.Parse(date), BusinessCalendar.DateOf(DateTimeOffset.Parse(instant)));

    [Fact]
    public void YearOf_FiveOClockUtcOnNewYearsEve_IsTheNewYear()
    {
        Assert.Equal(2027, BusinessCalendar.YearOf(new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero)));
        Assert.Equal(2026, BusinessCalendar.YearOf(new DateTimeOffset(2026, 12, 31, 15, 59, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void StartUtc_ABusinessDay_BeginsAtSixteenHundredUtcTheDayBefore()
    {
        Assert.Equal(new DateTime(2026, 12, 31, 16, 0, 0, DateTimeKind.Utc), BusinessCalendar.StartUtc(new DateOnly(2027, 1, 1)));
        Assert.Equal(DateTimeKind.Utc, BusinessCalendar.StartUtc(new DateOnly(2027, 1, 1)).Kind);
    }

    [Fact]
    public void ToBeijing_AStoredInstantOfUnspecifiedKind_IsReadAsUtc() =>
        Assert.Equal(new DateTime(2027, 1, 1, 1, 0, 0), BusinessCalendar.ToBeijing(new DateTime(2026, 12, 31, 17, 0, 0, DateTimeKind.Unspecified)));

    [Fact]
    public void Zone_IsUtcPlusEightAllYear() =>
        Assert.All(new[] { new DateTime(2027, 1, 15, 0, 0, 0, DateTimeKind.Utc), new DateTime(2027, 7, 15, 0, 0, 0, DateTimeKind.Utc) },
            instant => Assert.Equal(TimeSpan.FromHours(8), BusinessCalendar.Zone.GetUtcOffset(instant)));
}
