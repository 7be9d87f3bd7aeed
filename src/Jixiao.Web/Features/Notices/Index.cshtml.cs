using Jixiao.Domain.Notices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Notices;

/// <summary>消息提醒: the reader's notices, unread first by default; opening one marks it read and goes to its page.</summary>
[Authorize]
public sealed class IndexModel(JixiaoDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    [BindProperty(SupportsGet = true)] public NoticeKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public NoticeTopic? Topic { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    [TempData] public string? Done { get; set; }

    public NoticePage Notices { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Notices = await NoticeQueries.ListAsync(db, new NoticeQuery(All ? null : true, Kind, Topic, PageNumber), ct);

    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken ct) =>
        await NoticeQueries.ReadAsync(db, id, clock.GetUtcNow().UtcDateTime, ct) is { } link ? LocalRedirect(link) : NotFound();

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var read = await NoticeQueries.ReadAllAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        Done = read == 0 ? "没有未读的提醒。" : $"已把 {read} 条提醒标为已读。";
        return Redirect("/Notices?All=true");
    }

    public string Link(bool all, NoticeKind? kind, NoticeTopic? topic) =>
        "/Notices?" + string.Join("&", new[] { all ? "All=true" : null, kind is { } k ? $"Kind={k}" : null, topic is { } t ? $"Topic={t}" : null }.OfType<string>());

    public static string Badge(NoticeKind kind) => kind switch
    {
        NoticeKind.Overdue => "text-bg-danger",
        NoticeKind.DueSoon => "text-bg-warning",
        NoticeKind.Returned => "text-bg-secondary",
        _ => "text-bg-primary",
    };
}
