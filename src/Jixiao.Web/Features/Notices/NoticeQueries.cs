using Jixiao.Domain.Notices;

namespace Jixiao.Web.Features.Notices;

/// <summary>One notice as the notice centre lists it.</summary>
public sealed record NoticeRow(long Id, NoticeKind Kind, NoticeTopic Topic, string Title, string Body, string Link, int Count, DateOnly? DueOn,
    DateTime CreatedAtUtc, bool Read, MailState Mail);

/// <summary>A page of the reader's notices, and how many are unread in all.</summary>
public sealed record NoticePage(IReadOnlyList<NoticeRow> Rows, int Total, int Unread, int Page, int PageSize);

/// <param name="Unread">only the unread</param>
/// <param name="Kind">新任务、被退回、即将到期、已逾期</param>
/// <param name="Topic">绩效目标、绩效监控、绩效自评、委托评价、问题整改</param>
public sealed record NoticeQuery(bool? Unread = null, NoticeKind? Kind = null, NoticeTopic? Topic = null, int? Page = null);

/// <summary>The signed-in user's own notices (the scope filter shows no one else's): newest first, read and unread.</summary>
public static class NoticeQueries
{
    public const int PageSize = 30;

    public static async Task<NoticePage> ListAsync(JixiaoDbContext db, NoticeQuery q, CancellationToken ct)
    {
        var mine = db.Notices.AsNoTracking();
        var query = mine;
        if (q.Unread == true) query = query.Where(n => n.ReadAtUtc == null);
        if (q.Kind is { } kind) query = query.Where(n => n.Kind == kind);
        if (q.Topic is { } topic) query = query.Where(n => n.Topic == topic);
        var page = Math.Max(1, q.Page ?? 1);
        var rows = await query.OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(n => new NoticeRow(n.Id, n.Kind, n.Topic, n.Title, n.Body, n.Link, n.Count, n.DueOn, n.CreatedAtUtc, n.ReadAtUtc != null, n.MailState))
            .ToListAsync(ct);
        return new NoticePage(rows, await query.CountAsync(ct), await UnreadAsync(db, ct), page, PageSize);
    }

    public static Task<int> UnreadAsync(JixiaoDbContext db, CancellationToken ct) => db.Notices.CountAsync(n => n.ReadAtUtc == null, ct);

    /// <summary>Marks one of the reader's notices read and gives its link; null when it is not theirs (or not there).</summary>
    public static async Task<string?> ReadAsync(JixiaoDbContext db, long id, DateTime nowUtc, CancellationToken ct)
    {
        var link = await db.Notices.AsNoTracking().Where(n => n.Id == id).Select(n => n.Link).SingleOrDefaultAsync(ct);
        if (link is null) return null;
        await db.Notices.Where(n => n.Id == id && n.ReadAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, nowUtc), ct);
        return link;
    }

    /// <summary>Marks every unread notice of the reader read; how many were.</summary>
    public static Task<int> ReadAllAsync(JixiaoDbContext db, DateTime nowUtc, CancellationToken ct) =>
        db.Notices.Where(n => n.ReadAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, nowUtc), ct);
}
