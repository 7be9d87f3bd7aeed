using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Features.Notices;

public sealed record UnreadNotices(int Unread);

public sealed record NoticeOpened(string Link);

public sealed record NoticesRead(int Read);

public static class NoticesApi
{
    public static RouteGroupBuilder MapNoticesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notices").WithTags("消息提醒").RequireAuthorization();
        group.MapGet("/", async Task<Ok<NoticePage>> ([AsParameters] NoticeQuery q, JixiaoDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await NoticeQueries.ListAsync(db, q, ct)))
            .WithName("ListNotices")
            .WithSummary("我的消息提醒（新任务、被退回、即将到期、已逾期），新的在前；可只看未读，按类型、模块筛选；每页 30 条");
        group.MapGet("/unread", async Task<Ok<UnreadNotices>> (JixiaoDbContext db, CancellationToken ct) =>
                TypedResults.Ok(new UnreadNotices(await NoticeQueries.UnreadAsync(db, ct))))
            .WithName("CountUnreadNotices")
            .WithSummary("我的未读提醒数");
        group.MapPost("/{id:long}/read", async Task<Results<Ok<NoticeOpened>, NotFound>> (long id, JixiaoDbContext db, TimeProvider clock, CancellationToken ct) =>
                await NoticeQueries.ReadAsync(db, id, clock.GetUtcNow().UtcDateTime, ct) is { } link ? TypedResults.Ok(new NoticeOpened(link)) : TypedResults.NotFound())
            .WithName("ReadNotice")
            .WithSummary("把一条提醒标为已读，返回它指向的页面；别人的提醒答 404");
        group.MapPost("/read-all", async Task<Ok<NoticesRead>> (JixiaoDbContext db, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(new NoticesRead(await NoticeQueries.ReadAllAsync(db, clock.GetUtcNow().UtcDateTime, ct))))
            .WithName("ReadAllNotices")
            .WithSummary("把我的全部未读提醒标为已读");
        return api;
    }
}
