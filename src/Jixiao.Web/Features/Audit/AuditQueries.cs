using Jixiao.Domain.Audit;
using Jixiao.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Audit;

public sealed record AuditFilter(string? Region, string? User, string? EntityType, AuditAction? Action, DateOnly? From, DateOnly? To, int Page = 1, int PageSize = 50);

public sealed record AuditRow(long Id, string RegionCode, long Sequence, DateTime OccurredAtUtc, string UserName, AuditAction Action,
    string EntityType, string? EntityId, string? Changes, string Hash);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public static class AuditQueries
{
    public static async Task<AuditPage> PageAsync(JixiaoDbContext db, AuditFilter filter, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Region)) query = query.Where(e => e.RegionCode == filter.Region);
        if (!string.IsNullOrWhiteSpace(filter.User)) query = query.Where(e => e.UserName.Contains(filter.User.Trim()));
        if (!string.IsNullOrWhiteSpace(filter.EntityType)) query = query.Where(e => e.EntityType == filter.EntityType);
        if (filter.Action is { } action) query = query.Where(e => e.Action == action);
        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.OccurredAtUtc >= start);
        }
        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.OccurredAtUtc < end);
        }
        var pageSize = Math.Clamp(filter.PageSize, 10, 200);
        var page = Math.Max(1, filter.Page);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new AuditRow(e.Id, e.RegionCode, e.Sequence, e.OccurredAtUtc, e.UserName, e.Action, e.EntityType, e.EntityId, e.Changes, e.Hash))
            .ToListAsync(ct);
        return new AuditPage(rows, total, page, pageSize);
    }

    public static string Label(this AuditAction action) => action switch
    {
        AuditAction.Create => "新增",
        AuditAction.Update => "修改",
        AuditAction.Delete => "删除",
        AuditAction.Login => "登录",
        AuditAction.LoginFailed => "登录失败",
        AuditAction.LockedOut => "账号锁定",
        AuditAction.Logout => "退出",
        AuditAction.TokenIssued => "签发令牌",
        _ => action.ToString(),
    };
}
