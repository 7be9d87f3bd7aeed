using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using Jixiao.Domain.Audit;
using Jixiao.Web.Features.Audit;

namespace Jixiao.Web.Features.Security;

/// <summary>The kinds of security event the security administrator reviews, as the audit trail records them.</summary>
public enum SecurityEventKind
{
    [Label("登录成功")]
    SignIn = 1,
    [Label("登录失败")]
    SignInFailed = 2,
    [Label("账号锁定")]
    LockedOut = 3,
    [Label("退出登录")]
    SignOut = 4,
    [Label("签发令牌")]
    TokenIssued = 5,
    [Label("吊销令牌")]
    TokenRevoked = 6,
    [Label("角色变更")]
    RoleChanged = 7,
    [Label("密码变更")]
    PasswordChanged = 8,
    [Label("启用/停用")]
    AccountStatusChanged = 9,
}

public sealed record SecurityEventFilter(string? User, SecurityEventKind? Kind, DateOnly? From, DateOnly? To, int Page = 1, int PageSize = 50);

/// <param name="Account">the account the event is about (the actor for sign-ins, the changed account for changes)</param>
/// <param name="Operator">who did it (the account itself for sign-ins; an administrator or <c>cli:…</c> for changes)</param>
public sealed record SecurityEvent(long Id, DateTime OccurredAtUtc, SecurityEventKind Kind, string KindLabel, string? Account,
    string Operator, string? ClientAddress, string Detail, string RegionCode);

public sealed record SecurityEventPage(IReadOnlyList<SecurityEvent> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Sign-ins (success, failure, lockout, sign-out), token issues and revocations, role, password and account
/// status changes, read from the audit trail through the scoped context (so within the administrator's regions).
/// </summary>
public static class SecurityEvents
{
    private static readonly Dictionary<SecurityEventKind, Expression<Func<AuditEntry, bool>>> Kinds = new()
    {
        [SecurityEventKind.SignIn] = e => e.Action == AuditAction.Login,
        [SecurityEventKind.SignInFailed] = e => e.Action == AuditAction.LoginFailed,
        [SecurityEventKind.LockedOut] = e => e.Action == AuditAction.LockedOut,
        [SecurityEventKind.SignOut] = e => e.Action == AuditAction.Logout,
        [SecurityEventKind.TokenIssued] = e => e.Action == AuditAction.TokenIssued,
        [SecurityEventKind.TokenRevoked] = e => e.EntityType == "ApiToken" && e.Action == AuditAction.Update && e.Changes!.Contains("\"RevokedAtUtc\""),
        [SecurityEventKind.RoleChanged] = e => e.EntityType == "UserRoleAssignment",
        [SecurityEventKind.PasswordChanged] = e => e.EntityType == "AppUser" && e.Action == AuditAction.Update && e.Changes!.Contains("\"PasswordHash\""),
        [SecurityEventKind.AccountStatusChanged] = e => e.EntityType == "AppUser" && e.Action == AuditAction.Update && e.Changes!.Contains("\"IsActive\""),
    };

    private static readonly Expression<Func<AuditEntry, bool>> AnyKind = Kinds.Values.Aggregate((a, b) =>
        Expression.Lambda<Func<AuditEntry, bool>>(Expression.OrElse(a.Body, new Rebind(b.Parameters[0], a.Parameters[0]).Visit(b.Body)), a.Parameters));

    public static async Task<SecurityEventPage> PageAsync(JixiaoDbContext db, SecurityEventFilter filter, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking().Where(filter.Kind is { } kind ? Kinds[kind] : AnyKind);
        var (start, end) = AuditQueries.Days(filter.From, filter.To);
        if (start is { } s) query = query.Where(e => e.OccurredAtUtc >= s);
        if (end is { } t) query = query.Where(e => e.OccurredAtUtc < t);
        if (!string.IsNullOrWhiteSpace(filter.User))
            query = await AboutUserAsync(db, query, filter.User.Trim(), ct);

        var pageSize = Math.Clamp(filter.PageSize, 10, 200);
        var page = Math.Clamp(filter.Page, 1, 100_000);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new SecurityEventPage(await DescribeAsync(db, rows, filter.Kind, ct), total, page, pageSize);
    }

    /// <summary>Events done by the named account, and changes made to it (its row, its roles, its tokens).</summary>
    private static async Task<IQueryable<AuditEntry>> AboutUserAsync(JixiaoDbContext db, IQueryable<AuditEntry> query, string userName, CancellationToken ct)
    {
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => (long?)u.Id).SingleOrDefaultAsync(ct);
        if (id is null) return query.Where(e => e.UserName == userName);
        var key = id.Value.ToString(CultureInfo.InvariantCulture);
        var (roleBefore, roleAfter) = ($"\"UserId\":{{\"before\":\"{key}\"}}", $"\"UserId\":{{\"after\":\"{key}\"}}");
        var tokens = await db.ApiTokens.Where(t => t.UserId == id).Select(t => t.Id).ToListAsync(ct);
        var tokenKeys = tokens.Select(t => t.ToString(CultureInfo.InvariantCulture)).ToList();
        return query.Where(e => e.UserName == userName
            || (e.EntityType == "AppUser" && e.EntityId == key)
            || (e.EntityType == "UserRoleAssignment" && (e.Changes!.Contains(roleBefore) || e.Changes!.Contains(roleAfter)))
            || (e.EntityType == "ApiToken" && tokenKeys.Contains(e.EntityId!)));
    }

    private static async Task<List<SecurityEvent>> DescribeAsync(JixiaoDbContext db, List<AuditEntry> rows, SecurityEventKind? asked, CancellationToken ct)
    {
        var compiled = Kinds.ToDictionary(k => k.Key, k => k.Value.Compile());
        var kinds = rows.ToDictionary(r => r.Id, r => asked ?? compiled.First(k => k.Value(r)).Key);
        var changes = rows.ToDictionary(r => r.Id, r => Parse(r.Changes));
        var tokenIds = rows.Where(r => r.EntityType == "ApiToken").Select(r => long.Parse(r.EntityId!, CultureInfo.InvariantCulture)).ToList();
        var tokenOwners = await db.ApiTokens.Where(t => tokenIds.Contains(t.Id)).Select(t => new { t.Id, t.UserId, t.Name })
            .ToDictionaryAsync(t => t.Id, ct);
        long? Subject(AuditEntry r) => r.EntityType switch
        {
            "AppUser" when r.EntityId is { } id => long.Parse(id, CultureInfo.InvariantCulture),
            "UserRoleAssignment" => changes[r.Id].GetValueOrDefault("UserId") is { } c && long.TryParse(c.After ?? c.Before, out var u) ? u : null,
            "ApiToken" => tokenOwners.GetValueOrDefault(long.Parse(r.EntityId!, CultureInfo.InvariantCulture))?.UserId,
            _ => r.UserId,
        };
        var subjects = rows.Select(Subject).OfType<long>().Distinct().ToList();
        var names = await db.Users.Where(u => subjects.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName!, ct);
        return rows.Select(r =>
        {
            var kind = kinds[r.Id];
            var c = changes[r.Id];
            var detail = kind switch
            {
                SecurityEventKind.RoleChanged => $"{(r.Action == AuditAction.Delete ? "撤销" : "授予")}{RoleLabel(c.GetValueOrDefault("Role"))}",
                SecurityEventKind.PasswordChanged => r.UserName.StartsWith("cli:", StringComparison.Ordinal) ? "在服务器上重置密码" : "密码被修改",
                SecurityEventKind.AccountStatusChanged => c.GetValueOrDefault("IsActive")?.After == "True" ? "账号启用" : "账号停用",
                SecurityEventKind.TokenRevoked => $"吊销令牌“{tokenOwners.GetValueOrDefault(long.Parse(r.EntityId!, CultureInfo.InvariantCulture))?.Name}”",
                _ => r.Changes ?? "",
            };
            var account = Subject(r) is { } s ? names.GetValueOrDefault(s) ?? r.UserName : r.UserName;
            return new SecurityEvent(r.Id, r.OccurredAtUtc, kind, kind.Label(), account, r.UserName, r.ClientAddress, detail, r.RegionCode);
        }).ToList();
    }

    private sealed record Change(string? Before, string? After);

    private static Dictionary<string, Change> Parse(string? changes)
    {
        if (changes is null || !changes.StartsWith('{')) return [];
        var parsed = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string?>>>(changes) ?? [];
        return parsed.ToDictionary(p => p.Key, p => new Change(p.Value.GetValueOrDefault("before"), p.Value.GetValueOrDefault("after")));
    }

    private static string RoleLabel(Change? role)
    {
        var name = role?.After ?? role?.Before;
        return Enum.TryParse<Role>(name, out var parsed) ? parsed.Label() : name ?? "";
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
