using Jixiao.Domain.Audit;
using Jixiao.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Audit;

/// <param name="From">Beijing date (as the page shows times)</param>
public sealed record AuditFilter(string? Region, string? User, string? EntityType, AuditAction? Action, DateOnly? From, DateOnly? To, int Page = 1, int PageSize = 50);

public sealed record AuditRow(long Id, string RegionCode, long Sequence, DateTime OccurredAtUtc, string UserName, AuditAction Action,
    string EntityType, string? EntityId, string? Changes, string Hash, string? ClientAddress);

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
        var (start, end) = AuditQueries.Days(filter.From, filter.To);
        if (start is { } s) query = query.Where(e => e.OccurredAtUtc >= s);
        if (end is { } t) query = query.Where(e => e.OccurredAtUtc < t);
        var pageSize = Math.Clamp(filter.PageSize, 10, 200);
        var page = Math.Clamp(filter.Page, 1, 100_000);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new AuditRow(e.Id, e.RegionCode, e.Sequence, e.OccurredAtUtc, e.UserName, e.Action, e.EntityType, e.EntityId, e.Changes, e.Hash, e.ClientAddress))
            .ToListAsync(ct);
        return new AuditPage(rows, total, page, pageSize);
    }

    /// <summary>Identity bookkeeping columns that change with every sign-in and say nothing to a reader.</summary>
    private static readonly HashSet<string> Noise =
    [
        "ConcurrencyStamp", "SecurityStamp", "NormalizedUserName", "NormalizedEmail", "EmailConfirmed", "PhoneNumberConfirmed",
        "TwoFactorEnabled", "LockoutEnabled", "Email", "PhoneNumber",
    ];

    public sealed record ChangeLine(string Field, string? Before, string? After);

    /// <summary>A record's changes as readable lines (field, before, after); events keep their text.</summary>
    public static IReadOnlyList<ChangeLine> Describe(string? changes)
    {
        if (string.IsNullOrWhiteSpace(changes) || !changes.StartsWith('{')) return changes is null ? [] : [new ChangeLine("", null, changes)];
        var parsed = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string?>>>(changes) ?? [];
        return parsed.Where(p => !Noise.Contains(p.Key))
            .Select(p => new ChangeLine(p.Key, p.Value.GetValueOrDefault("before"), p.Value.GetValueOrDefault("after")))
            .ToList();
    }

    public static string EntityLabel(string entityType) => entityType switch
    {
        "OrgUnit" => "机构",
        "AppUser" => "用户",
        "UserRoleAssignment" => "用户角色",
        "ApiToken" => "API 令牌",
        "Region" => "区划",
        "FiscalYear" => "预算年度",
        "DivisionAssignment" => "股室归口",
        "Project" => "项目",
        "LedgerMovement" => "指标变动",
        "Payment" => "支付",
        "ImportBatch" => "导入批次",
        _ => entityType,
    };

    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Beijing calendar days from <paramref name="from"/> to <paramref name="to"/> (both included) as UTC bounds [start, end).</summary>
    public static (DateTime? Start, DateTime? End) Days(DateOnly? from, DateOnly? to)
    {
        foreach (var (day, field) in new[] { (from, "from"), (to, "to") })
            if (day is { Year: < 2000 or > 9000 } wrong)
                throw new Domain.DomainException($"日期 {wrong:yyyy-MM-dd} 超出范围，请填写 2000 年至 9000 年之间的日期。", field);
        if (from is { } first && to is { } last && last < first)
            throw new Domain.DomainException($"结束日期 {last:yyyy-MM-dd} 早于开始日期 {first:yyyy-MM-dd}，请调整日期范围。", "to");
        return (from is { } f ? FromBeijing(f.ToDateTime(TimeOnly.MinValue)) : null,
            to is { } t ? FromBeijing(t.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null);
    }

    private static DateTime FromBeijing(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Beijing);

    public static DateTime ToBeijing(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Beijing);
}
