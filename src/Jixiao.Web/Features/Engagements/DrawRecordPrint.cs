using Jixiao.Domain.Engagements;
using Jixiao.Web.Features.Printing;

namespace Jixiao.Web.Features.Engagements;

/// <summary>The draw record as printed: the engagement, the seed, every agency assessed with its number, rank, outcome and reasons.</summary>
public sealed record DrawRecord(string Code, string Title, int FiscalYear, EngagementScope Scope, string Subjects, string Seed, DateTime DrawnAtUtc, string DrawnBy,
    string AgencyName, IReadOnlyList<DrawEntry> Entries, DateTime PrintedAtUtc);

/// <summary>抽签记录 as printed and as PDF (finance's: the agencies excluded and why are not the unit's or the agency's to read).</summary>
public static class DrawRecordPrint
{
    public const string Sheet = "/Features/Engagements/_DrawRecordPrint.cshtml";

    /// <summary>The engagement whose draw record the user may print: finance's, and drawn; null otherwise (a 404).</summary>
    public static async Task<Engagement?> DrawnAsync(JixiaoDbContext db, CurrentUser user, long id, CancellationToken ct) =>
        user.Scope.SeesRegisters && await db.Engagements.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct) is { DrawnAtUtc: not null } e ? e : null;

    public static DrawRecord Of(Engagement e, DateTime nowUtc) => new(e.Code, e.Title, e.FiscalYear, e.Scope,
        string.Join("、", e.Subjects.Select(s => $"{s.Name}（{s.Kind.Label()}）")), e.DrawSeed, e.DrawnAtUtc!.Value, e.DrawnBy, e.AgencyName,
        [.. e.Draw.OrderBy(d => d.Rank ?? int.MaxValue).ThenBy(d => d.AgencyId)], nowUtc);

    public static PrintJob Job(DrawRecord record) => new("第三方机构抽签记录", $"抽签记录-{record.Code}", Sheet, record);
}
