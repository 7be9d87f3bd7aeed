using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Jixiao.Web.Features.Notices;

/// <summary>消息 beside the user's name in the menu bar, with the count of unread notices (one indexed count a page).</summary>
public sealed class NoticeBellViewComponent(JixiaoDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var unread = await NoticeQueries.UnreadAsync(db, HttpContext.RequestAborted);
        var badge = unread > 0
            ? $"<span class=\"badge rounded-pill bg-warning text-dark ms-1\" data-testid=\"unread\">{(unread > 99 ? "99+" : unread.ToString(System.Globalization.CultureInfo.InvariantCulture))}</span>"
            : "";
        return new HtmlContentViewComponentResult(new HtmlString(
            $"<a class=\"btn btn-sm btn-link link-light me-1 small text-nowrap\" href=\"/Notices\" data-testid=\"notices\" title=\"消息提醒\">消息{badge}</a>"));
    }
}
