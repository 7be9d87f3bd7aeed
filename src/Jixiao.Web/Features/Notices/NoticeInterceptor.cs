using System.Runtime.CompilerServices;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Notices;
using Jixiao.Domain.Rectifications;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Notices;

/// <summary>
/// 新任务 and 被退回 for every reviewed thing, without a line in the use cases: before a save the interceptor notes each target,
/// monitoring return, self-evaluation and rectification item that was issued or moved to another state; after it, inside the
/// save's transaction (it runs before the audit trail commits), it writes a notice to everyone the item now waits on by its review
/// chain (<see cref="NoticeRules.KindOf{TState,TAction}"/>), except the one who acted. Several items of one save for one reader are
/// one notice with their count (a round issued, a batch approved). Saves of the system actor (seeding, CLI verbs) notify no one.
/// </summary>
public sealed class NoticeInterceptor(IOptions<MailOptions> mail) : SaveChangesInterceptor
{
    /// <summary>An item that moved: what it is and whom it now waits on; its id is read after the save (new items get theirs then).</summary>
    private sealed record Moved(NoticeTopic Topic, Func<long> Id, string RegionCode, int FiscalYear, TargetSubject Subject, long OrgUnitId,
        long? DepartmentId, long? ProjectId, NoticeKind Kind, bool IsNew, IReadOnlyList<Role> Roles, string Opinion, DateOnly? Deadline, string? Problem);

    private readonly ConditionalWeakTable<DbContext, List<Moved>> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not JixiaoDbContext db || !_pending.TryGetValue(db, out var moved)) return result;
        _pending.Remove(db);
        await WriteAsync(db, moved, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _pending.Remove(eventData.Context!);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending.Remove(eventData.Context!);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is not JixiaoDbContext db || db.User.Scope.IsSystem || db.User.UserId is null) return;
        var moved = new List<Moved>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            var item = entry.Entity switch
            {
                PerformanceTarget t => Of(ReviewChains.Targets, NoticeTopic.Targets, entry, t.State, onCreate: false, () => t.Id, t.RegionCode, t.FiscalYear,
                    t.Subject, t.OrgUnitId, t.DepartmentId, t.ProjectId, t.Steps.LastOrDefault()?.Opinion, null, null),
                MonitoringTask m => Of(ReviewChains.Monitoring, NoticeTopic.Monitoring, entry, m.State, onCreate: true, () => m.Id, m.RegionCode, m.FiscalYear,
                    m.Subject, m.OrgUnitId, m.DepartmentId, m.ProjectId, m.Steps.LastOrDefault()?.Opinion, null, null),
                SelfEvaluation e => Of(ReviewChains.SelfEvaluation, NoticeTopic.SelfEvaluation, entry, e.State, onCreate: true, () => e.Id, e.RegionCode,
                    e.FiscalYear, e.Subject, e.OrgUnitId, e.DepartmentId, e.ProjectId, e.Steps.LastOrDefault()?.Opinion, null, null),
                Rectification r => Of(ReviewChains.Rectification, NoticeTopic.Rectification, entry, r.State, onCreate: true, () => r.Id, r.RegionCode,
                    r.FiscalYear, r.Subject, r.OrgUnitId, r.DepartmentId, r.ProjectId, r.Steps.LastOrDefault()?.Opinion, r.Deadline, r.Problem),
                _ => null,
            };
            if (item is not null) moved.Add(item);
        }
        if (moved.Count > 0) _pending.AddOrUpdate(db, moved);
        else _pending.Remove(db);
    }

    private static Moved? Of<TState, TAction>(ReviewChain<TState, TAction> chain, NoticeTopic topic, EntityEntry entry, TState state, bool onCreate,
        Func<long> id, string region, int year, TargetSubject subject, long org, long? department, long? project, string? opinion, DateOnly? deadline,
        string? problem)
        where TState : struct, Enum where TAction : struct, Enum
    {
        TState? from;
        if (entry.State == EntityState.Added && onCreate) from = null;
        else if (entry.State == EntityState.Modified && entry.Property(nameof(IReviewed<TState>.State)) is { IsModified: true } p
                 && p.OriginalValue is TState before && !EqualityComparer<TState>.Default.Equals(before, state)) from = before;
        else return null;
        return NoticeRules.KindOf(chain, subject, from, state) is { } kind
            ? new Moved(topic, id, region, year, subject, org, department, project, kind, from is null, chain.WaitingOn(subject, state), opinion ?? "",
                deadline, problem)
            : null;
    }

    private async Task WriteAsync(JixiaoDbContext db, List<Moved> moved, CancellationToken ct)
    {
        var actor = db.User.UserId;
        var needs = moved.SelectMany(m => m.Roles.Select(r => (Item: m, Need: new Waiting(m.RegionCode, m.FiscalYear, r, m.Subject, m.OrgUnitId, m.DepartmentId))))
            .ToList();
        var readers = await NoticeRecipients.LoadAsync(db, needs.Select(n => n.Need).Distinct().ToList(), ct);
        var projectIds = moved.Where(m => m.ProjectId is not null).Select(m => m.ProjectId!.Value).Distinct().ToList();
        var orgIds = moved.Select(m => m.OrgUnitId).Distinct().ToList();
        var projects = projectIds.Count == 0 ? new Dictionary<long, string>()
            : await db.Projects.IgnoreQueryFilters().AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var orgs = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var stamp = $"{now:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}"[..26];
        var sends = mail.Value.Enabled;

        var notices = new List<Notice>();
        foreach (var group in needs.SelectMany(n => readers(n.Need).Select(reader => (n.Item, Reader: reader)))
                     .Where(x => x.Reader.Id != actor)
                     .DistinctBy(x => (x.Reader.Id, x.Item))
                     .GroupBy(x => (x.Reader, x.Item.Topic, x.Item.Kind, x.Item.IsNew)))
        {
            var (reader, topic, kind, isNew) = group.Key;
            var items = group.Select(x => x.Item).ToList();
            var first = items[0];
            var name = first.ProjectId is { } pid && projects.TryGetValue(pid, out var pn) ? pn : orgs.GetValueOrDefault(first.OrgUnitId, "");
            var (title, body, link) = items.Count == 1
                ? Single(first, name, kind, isNew, orgs.GetValueOrDefault(first.OrgUnitId, ""))
                : Many(topic, kind, isNew, items.Count);
            var key = items.Count == 1 ? $"{topic}:{first.Id()}:{stamp}" : $"{topic}:{kind}:{items.Count}:{stamp}";
            notices.Add(Notice.Create(reader.RegionCode, reader.Id, kind, topic, key, title, body, link, items.Count,
                items.Count == 1 ? first.Deadline : null, sends && reader.Email is not null, now));
        }
        await BulkInsert.InsertAsync(db, notices, ct);
    }

    private static (string What, string Unit, string Item, string List) Words(NoticeTopic topic) => topic switch
    {
        NoticeTopic.Targets => ("绩效目标", "个", "/Targets/Details/", "/Targets"),
        NoticeTopic.Monitoring => ("监控表", "张", "/Monitoring/Task/", "/Monitoring"),
        NoticeTopic.SelfEvaluation => ("自评表", "张", "/Evaluations/Form/", "/Evaluations"),
        _ => ("整改事项", "个", "/Rectifications/Details/", "/Rectifications"),
    };

    private static (string, string, string) Single(Moved item, string name, NoticeKind kind, bool isNew, string org)
    {
        var (what, _, path, _) = Words(item.Topic);
        var link = path + item.Id();
        if (kind == NoticeKind.Returned)
            return ($"{what}被退回：{name}", $"退回理由：{item.Opinion}。请修改后重新提交。", link);
        if (isNew)
            return item.Topic == NoticeTopic.Rectification
                ? ($"新的整改事项：{name}", $"{item.Problem}（整改期限 {item.Deadline:yyyy年M月d日}）", link)
                : ($"新的{what}待填报：{name}", $"{org}的{what}已下达，请按时填报。", link);
        var review = item.Topic != NoticeTopic.Rectification ? $"{what}待审核"
            : item.Roles.Contains(Role.PerformanceDivision) ? "整改情况待核实" : "整改情况待审核";
        return ($"{review}：{name}", $"{org}已提交，等待您审核。", link);
    }

    private static (string, string, string) Many(NoticeTopic topic, NoticeKind kind, bool isNew, int count)
    {
        var (what, unit, _, list) = Words(topic);
        return kind == NoticeKind.Returned
            ? ($"{count} {unit}{what}被退回", "请逐一查看退回理由，修改后重新提交。", list)
            : isNew
                ? (topic == NoticeTopic.Rectification ? $"新的整改事项 {count} 个" : $"{count} {unit}{what}已下达，待填报", "请在待办中查看并按时办理。", list)
                : ($"{count} {unit}{what}待审核", "请在待办中审核。", list);
    }
}
