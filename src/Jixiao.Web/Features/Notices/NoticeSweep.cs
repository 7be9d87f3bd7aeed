using Jixiao.Domain.Engagements;
using Jixiao.Domain.Notices;
using Jixiao.Domain.Rectifications;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Notices;

/// <summary>What one sweep did: whether it ran (false: another node held the lock) and how many notices it wrote.</summary>
public sealed record SweepResult(bool Ran, int Written, int Mailed);

/// <summary>
/// The deadline job (ADR 0011): every open item with a deadline — targets not yet submitted by the region-year's 申报截止日期, monitoring
/// returns by their round's 填报截止日期, self-evaluations by the 自评截止日期, agencies' stages by their due dates, rectification items
/// by their 整改期限 — gives the people it waits on one 即将到期 notice when the deadline is the region-year's 提前提醒天数 away and
/// one 已逾期 notice after it (a group of forms of one deadline is one notice with their count). Each notice has its key, unique per
/// reader, so running again writes nothing twice; on PostgreSQL the sweep also holds a transaction-level advisory lock, so of several
/// nodes sweeping at once one does the work and the others return at once.
/// </summary>
public sealed class NoticeSweep(SystemDbContext db, NoticeMailer mailer, IOptions<MailOptions> mail, TimeProvider clock)
{
    /// <summary>The advisory lock of the sweep ("JXNS").</summary>
    public const long LockKey = 0x4A584E53;
    /// <summary>Deadlines further back than this are not reminded of any more (a round left open years ago).</summary>
    private const int HorizonDays = 366;

    private sealed record Due(NoticeTopic Topic, string ItemKey, string RegionCode, int FiscalYear, Role Role, TargetSubject Subject, long OrgUnitId,
        long? DepartmentId, long? AgencyId, DateOnly Deadline, string What, string Link);

    public async Task<SweepResult> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = BusinessCalendar.DateOf(now);
        int? written = null;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            if (!db.Database.IsNpgsql()
                || (await db.Database.SqlQueryRaw<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").ToListAsync(ct)).Single())
                written = await SweepAsync(today, now, ct);
            await transaction.CommitAsync(ct);
        }
        // Mail is sent by every node that sweeps: each notice's claim decides who sends it.
        return new SweepResult(written is not null, written ?? 0, await mailer.SendPendingAsync(db, ct));
    }

    private async Task<int> SweepAsync(DateOnly today, DateTime now, CancellationToken ct)
    {
        var settings = await db.WorkflowSettings.AsNoTracking().ToListAsync(ct);
        var lead = settings.ToDictionary(s => (s.RegionCode, s.FiscalYear), s => s.NoticeDaysBefore);
        int Lead(string region, int year) => lead.GetValueOrDefault((region, year), NoticeRules.DefaultDaysBefore);
        var latest = today.AddDays(NoticeRules.MaxDaysBefore);
        var earliest = today.AddDays(-HorizonDays);
        var due = new List<Due>();

        // 监控表 by their round's deadline, with their fillers.
        var monitoring = await (from t in db.MonitoringTasks.AsNoTracking()
                where t.State == FormState.Pending || t.State == FormState.Returned
                join r in db.MonitoringRounds.AsNoTracking() on t.RoundId equals r.Id
                where r.Deadline >= earliest && r.Deadline <= latest
                select new { t.RegionCode, t.FiscalYear, t.Subject, t.OrgUnitId, t.DepartmentId, RoundId = r.Id, r.Month, r.Deadline })
            .Distinct().ToListAsync(ct);
        due.AddRange(monitoring.Select(m => new Due(NoticeTopic.Monitoring, $"monitoring-round:{m.RoundId}", m.RegionCode, m.FiscalYear,
            ReviewChains.Monitoring.FillerOf(m.Subject), m.Subject, m.OrgUnitId, m.DepartmentId, null, m.Deadline, $"{m.FiscalYear}年{m.Month}月绩效监控表",
            "/Monitoring")));

        // 绩效目标 and 自评表 by the region-year's deadlines.
        var targetYears = settings.Where(s => s.TargetDeadline >= earliest && s.TargetDeadline <= latest).ToList();
        foreach (var s in targetYears)
        {
            var open = await db.Targets.AsNoTracking()
                .Where(t => t.RegionCode == s.RegionCode && t.FiscalYear == s.FiscalYear && (t.State == TargetState.Draft || t.State == TargetState.Returned))
                .Select(t => new { t.Subject, t.OrgUnitId, t.DepartmentId }).Distinct().ToListAsync(ct);
            due.AddRange(open.Select(t => new Due(NoticeTopic.Targets, $"targets:{s.RegionCode}:{s.FiscalYear}", s.RegionCode, s.FiscalYear,
                ReviewChains.Targets.FillerOf(t.Subject), t.Subject, t.OrgUnitId, t.DepartmentId, null, s.TargetDeadline!.Value,
                $"{s.FiscalYear}年度绩效目标", "/Targets")));
        }
        foreach (var s in settings.Where(s => s.SelfEvaluationDeadline >= earliest && s.SelfEvaluationDeadline <= latest))
        {
            var open = await db.SelfEvaluations.AsNoTracking()
                .Where(e => e.RegionCode == s.RegionCode && e.FiscalYear == s.FiscalYear && (e.State == FormState.Pending || e.State == FormState.Returned))
                .Select(e => new { e.Subject, e.OrgUnitId, e.DepartmentId }).Distinct().ToListAsync(ct);
            due.AddRange(open.Select(e => new Due(NoticeTopic.SelfEvaluation, $"self:{s.RegionCode}:{s.FiscalYear}", s.RegionCode, s.FiscalYear,
                ReviewChains.SelfEvaluation.FillerOf(e.Subject), e.Subject, e.OrgUnitId, e.DepartmentId, null, s.SelfEvaluationDeadline!.Value,
                $"{s.FiscalYear}年度绩效自评表", "/Evaluations")));
        }

        // 第三方机构的阶段成果 while the agency owes them.
        var stages = await db.Engagements.AsNoTracking().Where(e => e.AgencyId != null)
            .SelectMany(e => e.Stages.Where(s => (s.State == StageState.Open || s.State == StageState.Objected) && s.DueOn >= earliest && s.DueOn <= latest),
                (e, s) => new { e.Id, e.RegionCode, e.FiscalYear, e.AgencyId, e.Title, StageId = s.Id, s.Name, s.DueOn })
            .ToListAsync(ct);
        due.AddRange(stages.Select(s => new Due(NoticeTopic.Engagement, $"stage:{s.StageId}", s.RegionCode, s.FiscalYear, Role.Agency,
            TargetSubject.Project, 0, null, s.AgencyId, s.DueOn, $"“{s.Title}”的阶段成果“{s.Name}”", $"/Engagements/Details/{s.Id}#stage-{s.StageId}")));

        // 整改事项 until they reach finance: the responsible side, or the department that has the reply.
        var items = await db.Rectifications.AsNoTracking()
            .Where(r => (r.State == RectificationState.Pending || r.State == RectificationState.InProgress || r.State == RectificationState.Submitted)
                        && r.Deadline >= earliest && r.Deadline <= latest)
            .Select(r => new { r.Id, r.RegionCode, r.FiscalYear, r.Subject, r.OrgUnitId, r.DepartmentId, r.State, r.Deadline, r.SourceTitle })
            .ToListAsync(ct);
        due.AddRange(items.Select(r => new Due(NoticeTopic.Rectification, $"rectification:{r.Id}", r.RegionCode, r.FiscalYear,
            r.State == RectificationState.Submitted ? Role.DepartmentReviewer : ReviewChains.Rectification.FillerOf(r.Subject), r.Subject, r.OrgUnitId,
            r.DepartmentId, null, r.Deadline, $"整改事项（{r.SourceTitle}）", $"/Rectifications/Details/{r.Id}")));

        var calling = due.Select(d => (Due: d, Kind: NoticeRules.DeadlineKind(d.Deadline, today, Lead(d.RegionCode, d.FiscalYear))))
            .Where(x => x.Kind is not null).ToList();
        if (calling.Count == 0) return 0;
        var readers = await NoticeRecipients.LoadAsync(db, calling.Select(x => Need(x.Due)).Distinct().ToList(), ct);
        var sends = mail.Value.Enabled;
        var notices = calling
            .SelectMany(x => readers(Need(x.Due)).Select(reader => (x.Due, Kind: x.Kind!.Value, Reader: reader)))
            .GroupBy(x => (x.Reader, x.Due.ItemKey, x.Kind))
            .Select(g =>
            {
                var (reader, key, kind) = g.Key;
                var first = g.First().Due;
                var count = g.Count();
                var of = first.Topic is NoticeTopic.Monitoring or NoticeTopic.Targets or NoticeTopic.SelfEvaluation ? $"：您有 {count} 份待填报或被退回" : "";
                return Notice.Create(reader.RegionCode, reader.Id, kind, first.Topic, NoticeRules.DeadlineKey(kind, key, first.Deadline),
                    $"{first.What}{NoticeRules.DeadlineText(first.Deadline, today)}",
                    $"{first.What}{of}，截止日期 {first.Deadline:yyyy年M月d日}。{(kind == NoticeKind.Overdue ? "已过截止日期，请尽快办理。" : "请按时办理。")}",
                    first.Link, count, first.Deadline, sends && reader.Email is not null, now);
            })
            .ToList();

        var existing = new HashSet<(long, string)>();
        foreach (var chunk in notices.Select(n => n.Key).Distinct().Chunk(500))
            existing.UnionWith((await db.Notices.AsNoTracking().Where(n => chunk.Contains(n.Key)).Select(n => new { n.UserId, n.Key }).ToListAsync(ct))
                .Select(n => (n.UserId, n.Key)));
        var fresh = notices.Where(n => !existing.Contains((n.UserId, n.Key))).ToList();
        await BulkInsert.InsertAsync(db, fresh, ct);
        return fresh.Count;
    }

    private static Waiting Need(Due d) => new(d.RegionCode, d.FiscalYear, d.Role, d.Subject, d.OrgUnitId, d.DepartmentId, d.AgencyId);
}
