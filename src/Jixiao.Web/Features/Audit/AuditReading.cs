using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jixiao.Web.Features.Audit;

/// <summary>One changed field as a Chinese reader sees it: its name, and the values before and after in words.</summary>
public sealed record ChangeLine(string Field, string? Before, string? After)
{
    /// <summary>"前 → 后" for a change, the value otherwise.</summary>
    public string? Value(bool update) => update ? $"{Shown(Before)} → {Shown(After)}" : After ?? Before;

    private static string Shown(string? value) => string.IsNullOrEmpty(value) ? "（空）" : value;

    /// <summary>"字段：前 → 后" for a change, "字段：值" otherwise; an event's text alone.</summary>
    public string Text(bool update) => (Field.Length > 0 ? Field + "：" : "") + Value(update);
}

/// <summary>
/// Reads audit records for people: Chinese names of types, fields and enum values, Beijing times, and the business name of
/// each object and referenced id (project code and name, indicator with its project, user and organisation names), looked
/// up through the reader's scoped context in one query per kind. The stored records are not touched.
/// </summary>
public sealed class AuditReading
{
    /// <summary>Identity bookkeeping columns that change with every sign-in and say nothing to a reader.</summary>
    private static readonly HashSet<string> Noise =
    [
        "ConcurrencyStamp", "SecurityStamp", "NormalizedUserName", "NormalizedEmail", "EmailConfirmed", "PhoneNumberConfirmed",
        "TwoFactorEnabled", "LockoutEnabled", "Email", "PhoneNumber",
    ];

    /// <summary>Fields that hold the id of another object, and its type.</summary>
    private static readonly Dictionary<string, string> References = new()
    {
        ["UserId"] = "AppUser", ["OrgUnitId"] = "OrgUnit", ["DepartmentId"] = "OrgUnit", ["DivisionId"] = "OrgUnit",
        ["ProjectId"] = "Project", ["CounterpartProjectId"] = "Project", ["OriginProjectId"] = "Project", ["TargetId"] = "PerformanceTarget",
        ["LibraryEntryId"] = "IndicatorLibraryEntry",
    };

    private static readonly Dictionary<string, string> ParentOf = new() { ["OrgUnit"] = "OrgUnit", ["Project"] = "Project" };


    private readonly Dictionary<string, Dictionary<string, Type>> fields;
    private readonly Dictionary<(string Type, string Id), string> names = [];
    private readonly Dictionary<string, string> people = new(StringComparer.Ordinal);

    private AuditReading(IModel model) => fields = model.GetEntityTypes()
        .GroupBy(t => t.ClrType.Name)
        .ToDictionary(g => g.Key, g => g.SelectMany(t => t.GetProperties())
            .DistinctBy(p => p.Name).ToDictionary(p => p.Name, p => Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType));

    /// <summary>Looks up the names the records need.</summary>
    public static async Task<AuditReading> ForAsync(JixiaoDbContext db, IReadOnlyCollection<AuditEntry> records, CancellationToken ct)
    {
        var reading = new AuditReading(db.Model);
        var wanted = new HashSet<(string Type, string Id)>();
        foreach (var r in records)
        {
            if (r.EntityId is { Length: > 0 } id) wanted.Add((r.EntityType, id.Split(',')[0]));
            foreach (var (field, values) in Parse(r.Changes))
                if (ReferenceOf(r.EntityType, field) is { } type)
                    foreach (var v in values.Values.OfType<string>()) wanted.Add((type, v));
        }
        await reading.LookUpAsync(db, wanted, records.Select(r => r.UserName).Distinct().ToList(), ct);
        return reading;
    }

    /// <summary>The operator: display name and login ("赵丽萍（审计管理员） auditadmin"), or the login when it is no user's.</summary>
    public string Operator(string userName) => people.TryGetValue(userName, out var name) ? $"{name} {userName}" : userName;

    /// <summary>
    /// The object's business name. When it is gone (a deleted row, an indicator row replaced by a save), the name its record
    /// carries, with the target it belonged to; else its type and id.
    /// </summary>
    public string Object(string entityType, string? entityId, string? changes)
    {
        if (entityId is { Length: > 0 } && names.TryGetValue((Lookup(entityType), entityId.Split(',')[0]), out var name)) return name;
        var parsed = Parse(changes);
        string? Carried(string field) => parsed.TryGetValue(field, out var v) ? v.GetValueOrDefault("after") ?? v.GetValueOrDefault("before") : null;
        var own = new[] { "Name", "DisplayName", "Title", "FileName" }.Select(Carried).FirstOrDefault(n => n is { Length: > 0 });
        var owner = Carried("TargetId") is { } target && names.TryGetValue(("PerformanceTarget", target), out var of) ? of : null;
        return (own, owner) switch
        {
            ({ } n, { } o) => $"{n}（{o}）",
            ({ } n, null) => n,
            _ => $"{AuditNames.Type(entityType)} {entityId}".TrimEnd(),
        };
    }

    /// <summary>The record's changes as readable lines (fields left empty on a creation or deletion left out); an event keeps its text.</summary>
    public IReadOnlyList<ChangeLine> Lines(string entityType, string? changes)
    {
        if (string.IsNullOrWhiteSpace(changes) || !changes.StartsWith('{')) return changes is null ? [] : [new ChangeLine("", null, changes)];
        return Parse(changes).Where(p => !Noise.Contains(p.Key) && p.Value.Values.Any(v => v is { Length: > 0 }))
            .Select(p => new ChangeLine(AuditNames.Field(entityType, p.Key) ?? p.Key,
                Value(entityType, p.Key, p.Value.GetValueOrDefault("before")), Value(entityType, p.Key, p.Value.GetValueOrDefault("after"))))
            .ToList();
    }

    /// <summary>The changes as one cell of an export: its lines joined.</summary>
    public string Text(string entityType, string? changes, bool update) => string.Join("；", Lines(entityType, changes).Select(l => l.Text(update)));

    private string? Value(string entityType, string field, string? raw)
    {
        if (raw is null) return null;
        if (ReferenceOf(entityType, field) is { } target && names.TryGetValue((target, raw), out var name)) return name;
        var type = fields.GetValueOrDefault(entityType)?.GetValueOrDefault(field);
        if (type is { IsEnum: true })
        {
            var labels = EnumLabels.Of(type);
            return string.Join("、", raw.Split(", ").Select(n => labels.GetValueOrDefault(n, n)));
        }
        if (type == typeof(bool)) return raw switch { "True" => "是", "False" => "否", _ => raw };
        if ((type == typeof(DateTime) || type == typeof(DateTimeOffset))
            && DateTime.TryParseExact(raw, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
            return BusinessCalendar.ToBeijing(utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return raw;
    }

    private static string? ReferenceOf(string entityType, string field) =>
        field == "ParentId" ? ParentOf.GetValueOrDefault(entityType) : References.GetValueOrDefault(field);

    /// <summary>Review steps are named by their target (their key starts with its id).</summary>
    private static string Lookup(string entityType) => entityType == "ReviewStep" ? "PerformanceTarget" : entityType;

    private static Dictionary<string, Dictionary<string, string?>> Parse(string? changes) =>
        changes is { Length: > 0 } && changes.StartsWith('{')
            ? JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string?>>>(changes) ?? []
            : [];

    private async Task LookUpAsync(JixiaoDbContext db, HashSet<(string Type, string Id)> wanted, List<string> userNames, CancellationToken ct)
    {
        List<long> Ids(params string[] types) => wanted.Where(w => types.Contains(Lookup(w.Type)))
            .Select(w => long.TryParse(w.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1).Where(id => id > 0).Distinct().ToList();
        void Name(string type, long id, string name) => names[(type, id.ToString(CultureInfo.InvariantCulture))] = name;

        foreach (var u in await db.Users.AsNoTracking().Where(u => userNames.Contains(u.UserName!)).Select(u => new { u.UserName, u.DisplayName }).ToListAsync(ct))
            people[u.UserName!] = u.DisplayName;

        // Indicators, targets, forms and ledger lines are named by their project (or department), so those are read first.
        var indicatorIds = Ids("TargetIndicator");
        var indicators = await db.Targets.AsNoTracking()
            .SelectMany(t => t.Indicators).Where(i => indicatorIds.Contains(EF.Property<long>(i, "Id")))
            .Select(i => new { Id = EF.Property<long>(i, "Id"), i.Name, TargetId = EF.Property<long>(i, "TargetId") }).ToListAsync(ct);
        var taskIds = Ids("MonitoringTask");
        var tasks = await db.MonitoringTasks.AsNoTracking().Where(t => taskIds.Contains(t.Id))
            .Select(t => new { t.Id, t.ProjectId, t.DepartmentId, t.FiscalYear }).ToListAsync(ct);
        var evaluationIds = Ids("SelfEvaluation");
        var evaluations = await db.SelfEvaluations.AsNoTracking().Where(e => evaluationIds.Contains(e.Id))
            .Select(e => new { e.Id, e.ProjectId, e.DepartmentId, e.FiscalYear }).ToListAsync(ct);
        var targetIds = Ids("PerformanceTarget").Concat(indicators.Select(i => i.TargetId)).Distinct().ToList();
        var targets = await db.Targets.AsNoTracking().Where(t => targetIds.Contains(t.Id))
            .Select(t => new { t.Id, t.ProjectId, t.DepartmentId, t.Version }).ToListAsync(ct);
        var movementIds = Ids("LedgerMovement");
        var movements = await db.LedgerMovements.AsNoTracking().Where(m => movementIds.Contains(m.Id)).Select(m => new { m.Id, m.ProjectId, m.DocumentNo }).ToListAsync(ct);
        var paymentIds = Ids("Payment");
        var payments = await db.Payments.AsNoTracking().Where(m => paymentIds.Contains(m.Id)).Select(m => new { m.Id, m.ProjectId, m.DocumentNo }).ToListAsync(ct);
        var correctiveIds = Ids("CorrectiveAction");
        var correctives = await db.CorrectiveActions.AsNoTracking().Where(m => correctiveIds.Contains(m.Id)).Select(m => new { m.Id, m.ProjectId, m.DocumentNo }).ToListAsync(ct);
        var grantIds = Ids("UserRoleAssignment");
        var grants = await db.UserRoles.AsNoTracking().Where(r => grantIds.Contains(r.Id)).Select(r => new { r.Id, r.UserId, r.Role }).ToListAsync(ct);
        var sessionIds = Ids("UserSession");
        var sessions = await db.UserSessions.AsNoTracking().Where(s => sessionIds.Contains(s.Id)).Select(s => new { s.Id, s.UserId }).ToListAsync(ct);
        var tokenIds = Ids("ApiToken");
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => tokenIds.Contains(t.Id)).Select(t => new { t.Id, t.UserId, t.Name }).ToListAsync(ct);

        var projectIds = Ids("Project").Select(id => (long?)id).Concat(tasks.Select(t => t.ProjectId)).Concat(evaluations.Select(e => e.ProjectId)).Concat(targets.Select(t => t.ProjectId))
            .Concat(movements.Select(m => (long?)m.ProjectId)).Concat(payments.Select(m => (long?)m.ProjectId)).Concat(correctives.Select(m => (long?)m.ProjectId))
            .OfType<long>().Distinct().ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => $"{p.Code} {p.Name}", ct);
        var orgIds = Ids("OrgUnit").Select(id => (long?)id).Concat(tasks.Select(t => t.DepartmentId)).Concat(evaluations.Select(e => e.DepartmentId)).Concat(targets.Select(t => t.DepartmentId))
            .OfType<long>().Distinct().ToList();
        var orgs = await db.OrgUnits.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var userIds = Ids("AppUser").Concat(grants.Select(g => g.UserId)).Concat(sessions.Select(s => s.UserId)).Concat(tokens.Select(t => t.UserId)).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        string Subject(long? projectId, long? departmentId) =>
            projectId is { } p ? projects.GetValueOrDefault(p, $"项目 {p}") : departmentId is { } d ? orgs.GetValueOrDefault(d, $"机构 {d}") + " 部门整体" : "";
        string Owner(long? projectId, string? documentNo) => $"{Subject(projectId, null)} {documentNo}".TrimEnd();

        var regionCodes = wanted.Where(w => w.Type == "Region").Select(w => w.Id).ToList();
        foreach (var r in await db.Regions.AsNoTracking().Where(r => regionCodes.Contains(r.Code)).Select(r => new { r.Code, r.Name }).ToListAsync(ct))
            names[("Region", r.Code)] = r.Name;
        var roundIds = Ids("MonitoringRound");
        foreach (var r in await db.MonitoringRounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).Select(r => new { r.Id, r.Title }).ToListAsync(ct))
            Name("MonitoringRound", r.Id, r.Title);
        var batchIds = Ids("ImportBatch");
        foreach (var b in await db.ImportBatches.AsNoTracking().Where(b => batchIds.Contains(b.Id)).Select(b => new { b.Id, b.Kind, b.FileName }).ToListAsync(ct))
            Name("ImportBatch", b.Id, $"{b.Kind.Label()} {b.FileName}");
        var entryIds = Ids("IndicatorLibraryEntry");
        foreach (var e in await db.Library.AsNoTracking().Where(e => entryIds.Contains(e.Id)).Select(e => new { e.Id, e.Name }).ToListAsync(ct))
            Name("IndicatorLibraryEntry", e.Id, e.Name);
        foreach (var (id, name) in projects) Name("Project", id, name);
        foreach (var (id, name) in orgs) Name("OrgUnit", id, name);
        foreach (var (id, name) in users) Name("AppUser", id, name);
        foreach (var t in targets) Name("PerformanceTarget", t.Id, $"{Subject(t.ProjectId, t.DepartmentId)} 第 {t.Version} 版");
        foreach (var i in indicators)
            Name("TargetIndicator", i.Id, names.TryGetValue(("PerformanceTarget", i.TargetId.ToString(CultureInfo.InvariantCulture)), out var target) ? $"{i.Name}（{target}）" : i.Name);
        foreach (var t in tasks) Name("MonitoringTask", t.Id, $"{Subject(t.ProjectId, t.DepartmentId)} {t.FiscalYear} 年监控表");
        foreach (var e in evaluations) Name("SelfEvaluation", e.Id, $"{Subject(e.ProjectId, e.DepartmentId)} {e.FiscalYear} 年自评表");
        foreach (var m in movements) Name("LedgerMovement", m.Id, Owner(m.ProjectId, m.DocumentNo));
        foreach (var m in payments) Name("Payment", m.Id, Owner(m.ProjectId, m.DocumentNo));
        foreach (var m in correctives) Name("CorrectiveAction", m.Id, Owner(m.ProjectId, m.DocumentNo));
        foreach (var g in grants) Name("UserRoleAssignment", g.Id, $"{users.GetValueOrDefault(g.UserId, $"用户 {g.UserId}")} · {g.Role.Label()}");
        foreach (var s in sessions) Name("UserSession", s.Id, users.GetValueOrDefault(s.UserId, $"用户 {s.UserId}"));
        foreach (var t in tokens) Name("ApiToken", t.Id, $"{users.GetValueOrDefault(t.UserId, $"用户 {t.UserId}")} · {t.Name}");
    }
}
