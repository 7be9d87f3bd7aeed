using System.Globalization;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Panels;
using Jixiao.Web.Features.Printing;

namespace Jixiao.Web.Features.Panels;

/// <summary>One expert as the draw record prints them: field, place in the field's order, draw number, sitting or replaced and why.</summary>
public sealed record PanelDrawLine(string Field, int Rank, string ExpertName, long ExpertId, string Number, string Outcome);

/// <summary>专家抽取记录 as printed: the panel, its seed, quotas and persons, every expert drawn or drawn as a replacement.</summary>
public sealed record PanelDrawRecord(string Title, int FiscalYear, PanelPurpose Purpose, string Subjects, string Seed, DateTime DrawnAtUtc, string DrawnBy,
    string Quotas, string Persons, IReadOnlyList<PanelDrawLine> Lines, DateTime PrintedAtUtc);

/// <summary>The experts' draw record as PDF (finance's: who sat and who was replaced is not the reviewed unit's to read).</summary>
public static class PanelDrawPrint
{
    public const string Sheet = "/Features/Panels/_PanelDrawPrint.cshtml";

    public static async Task<Panel?> FinanceAsync(JixiaoDbContext db, CurrentUser user, long id, CancellationToken ct) =>
        user.Scope.SeesRegisters ? await db.Panels.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) : null;

    /// <summary>The record, each number recomputed from the seed as <see cref="ExpertDraw"/> orders the field (SHA-256(种子|领域|编号)).</summary>
    public static PanelDrawRecord Of(Panel p, DateTime nowUtc) => new(p.Title, p.FiscalYear, p.Purpose,
        string.Join("、", p.Subjects.Select(s => $"{s.Name}（{s.Kind.Label()}）")), p.Seed, p.CreatedAtUtc, p.CreatedBy,
        string.Join("、", p.QuotaList.Select(q => $"{Sectors.Name(q.Field)} {q.Count} 名")),
        p.PersonSet.Count > 0 ? string.Join("、", p.PersonSet.Order(StringComparer.Ordinal)) : "—",
        [.. p.Members.OrderBy(m => m.Field).ThenBy(m => m.Rank).Select(m => new PanelDrawLine(Sectors.Name(m.Field), m.Rank, m.ExpertName, m.ExpertId,
            Draws.Number(p.Seed, $"{m.Field}|{m.ExpertId.ToString(CultureInfo.InvariantCulture)}"),
            m.Sitting ? "入选" : $"已更换：{m.ReplacedReason}"))], nowUtc);

    public static PrintJob Job(PanelDrawRecord record) => new("评审专家抽取记录", $"专家抽取记录-{record.FiscalYear}-{record.Title}", Sheet, record);
}
