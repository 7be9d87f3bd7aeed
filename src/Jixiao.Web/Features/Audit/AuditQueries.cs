using Jixiao.Domain.Audit;

namespace Jixiao.Web.Features.Audit;

/// <param name="From">Beijing date (as the page shows times)</param>
public sealed record AuditFilter(string? Region, string? User, string? EntityType, AuditAction? Action, DateOnly? From, DateOnly? To, int Page = 1, int PageSize = 50);

/// <param name="Changes">the record as stored (its hash covers it)</param>
/// <param name="Operator">the operator's display name and login</param>
/// <param name="TypeName">the object's type in Chinese</param>
/// <param name="ObjectName">the object's business name (project code and name, indicator with its project, user, organisation …)</param>
/// <param name="Lines">the changes in Chinese: field names, enum values, Beijing times, names for referenced ids</param>
public sealed record AuditRow(long Id, string RegionCode, long Sequence, DateTime OccurredAtUtc, string UserName, AuditAction Action,
    string EntityType, string? EntityId, string? Changes, string Hash, string? ClientAddress,
    string Operator, string TypeName, string ObjectName, IReadOnlyList<ChangeLine> Lines);

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
        var records = await query.OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var reading = await AuditReading.ForAsync(db, records, ct);
        return new AuditPage(records.Select(e => new AuditRow(e.Id, e.RegionCode, e.Sequence, e.OccurredAtUtc, e.UserName, e.Action,
            e.EntityType, e.EntityId, e.Changes, e.Hash, e.ClientAddress, reading.Operator(e.UserName), AuditNames.Type(e.EntityType),
            reading.Object(e.EntityType, e.EntityId, e.Changes), reading.Lines(e.EntityType, e.Changes))).ToList(), total, page, pageSize);
    }


    /// <summary>Beijing calendar days from <paramref name="from"/> to <paramref name="to"/> (both included) as UTC bounds [start, end).</summary>
    public static (DateTime? Start, DateTime? End) Days(DateOnly? from, DateOnly? to)
    {
        foreach (var (day, field) in new[] { (from, "from"), (to, "to") })
            if (day is { Year: < 2000 or > 9000 } wrong)
                throw new Domain.DomainException($"日期 {wrong:yyyy-MM-dd} 超出范围，请填写 2000 年至 9000 年之间的日期。", field);
        if (from is { } first && to is { } last && last < first)
            throw new Domain.DomainException($"结束日期 {last:yyyy-MM-dd} 早于开始日期 {first:yyyy-MM-dd}，请调整日期范围。", "to");
        return (from is { } f ? BusinessCalendar.StartUtc(f) : null, to is { } t ? BusinessCalendar.StartUtc(t.AddDays(1)) : null);
    }

}
