using System.Text.RegularExpressions;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jixiao.Web.Tests.Targets;

/// <summary>The indicator library shows clean Chinese example values (issue 13 item 5), new and already seeded.</summary>
public sealed partial class LibrarySeedTests
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    /// <summary>Transcribers' notes in Latin letters, a trailing "/", or 百分比 written as a unit after a number.</summary>
    private static void AssertClean(string example)
    {
        Assert.DoesNotMatch(LatinNote(), example);
        Assert.DoesNotContain("OCR", example, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("truncated", example, StringComparison.OrdinalIgnoreCase);
        Assert.False(example.TrimEnd().EndsWith('/'), $"“{example}” ends with /");
        Assert.DoesNotMatch(PercentWord(), example);
    }

    [Fact]
    public void Read_PublishedIndicators_SeedsOnlyCleanExamples()
    {
        var entries = LibrarySeed.Read(DateTime.UnixEpoch);

        Assert.True(entries.Count > 300, $"{entries.Count} entries");
        Assert.All(entries, e => AssertClean(e.ExampleValue));
        Assert.Contains(entries, e => e.ExampleValue == "≥100%" && e.Name == "委托业务报告合格率");
        Assert.DoesNotContain(entries, e => e.ExampleValue.Contains("2280", StringComparison.Ordinal));
        Assert.All(entries, e => Assert.True(e.Unit.Length == 0 || Domain.Indicators.IndicatorUnits.IsUnit(e.Unit), $"unit “{e.Unit}” of {e.Name}"));
    }

    [Theory]
    [InlineData("2280次 (OCR; possibly ≥280次)", "")]
    [InlineData("292% (OCR; probably ≥92%)", "")]
    [InlineData("> (truncated)", "")]
    [InlineData("(blank) 公里", "")]
    [InlineData("1 per village × 7", "")]
    [InlineData("部门整体 /", "部门整体")]
    [InlineData("≥100百分比", "≥100%")]
    [InlineData("25TB / 100%覆盖", "25TB / 100%覆盖")]
    [InlineData("≧735人次", "≧735人次")]
    public void CleanExample_TranscriptionNote_IsDroppedOrFixed(string published, string shown)
    {
        Assert.Equal(shown, LibrarySeed.CleanExample(published));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Migrate_LibrarySeededBefore_CleansItsExamples(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = ContextFor(database))
        {
            await new SchemaMigrator(db, [new LibrarySeed.Reference()], TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(ct);
            // as a library seeded before this fix kept them
            await db.Database.ExecuteSqlRawAsync(
                """UPDATE "IndicatorLibrary" SET "ExampleValue" = '2280次 (OCR; possibly ≥280次)' WHERE "Name" = '办公大楼日常维修维护次数'""", ct);
            await db.Database.ExecuteSqlRawAsync(
                """UPDATE "IndicatorLibrary" SET "ExampleValue" = '≥100百分比' WHERE "Name" = '委托业务报告合格率'""", ct);
        }
        await using (var db = ContextFor(database))
            await new SchemaMigrator(db, [new LibrarySeed.Reference()], TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(ct);

        await using (var db = ContextFor(database))
        {
            var examples = await db.Library.AsNoTracking().Select(e => new { e.Name, e.ExampleValue }).ToListAsync(ct);
            Assert.All(examples, e => AssertClean(e.ExampleValue));
            Assert.Equal("", examples.Single(e => e.Name == "办公大楼日常维修维护次数").ExampleValue);
            Assert.Equal("≥100%", examples.Single(e => e.Name == "委托业务报告合格率").ExampleValue);
        }
    }

    private static SystemDbContext ContextFor(TestDatabase database)
    {
        var builder = new DbContextOptionsBuilder<SystemDbContext>();
        if (database.Provider == DatabaseProvider.Postgres) builder.UseNpgsql(database.ConnectionString);
        else builder.UseSqlite(database.ConnectionString);
        return new SystemDbContext(builder.Options, new CurrentUser(), TimeProvider.System);
    }

    [GeneratedRegex(@"\([^)]*[A-Za-z]{2,}[^)]*\)")]
    private static partial Regex LatinNote();

    [GeneratedRegex(@"[0-9]\s*百分[比率]")]
    private static partial Regex PercentWord();
}
