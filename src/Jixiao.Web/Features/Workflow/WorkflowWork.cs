using Jixiao.Domain.Reviews;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Organisation;

namespace Jixiao.Web.Features.Workflow;

/// <summary>A region-year's way of working as shown and set: the division step of the forms, the 文号 prefix and the next number, the
/// filing deadlines and the reminders' lead.</summary>
public sealed record WorkflowView(string RegionCode, int Year, bool FormDivisionStep, string DocumentPrefix, string NextDocumentNo,
    DateOnly? TargetDeadline, DateOnly? SelfEvaluationDeadline, int NoticeDaysBefore);

/// <param name="FormDivisionStep">监控表、自评表经资金所在业务股室审核后再报绩效股</param>
/// <param name="DocumentPrefix">文号前缀, e.g. 襄财绩</param>
/// <param name="TargetDeadline">绩效目标申报截止日期 (none: no reminders for targets)</param>
/// <param name="SelfEvaluationDeadline">单位自评截止日期 (none: no reminders for self-evaluations)</param>
/// <param name="NoticeDaysBefore">截止前几天开始提醒 (0–30, default 3)</param>
public sealed record WorkflowRequest(bool FormDivisionStep, string? DocumentPrefix, DateOnly? TargetDeadline = null, DateOnly? SelfEvaluationDeadline = null,
    int NoticeDaysBefore = Domain.Notices.NoticeRules.DefaultDaysBefore);

public static class WorkflowWork
{
    /// <summary>Whether the region-year's forms pass the funding division (default: yes, as targets do).</summary>
    public static async Task<bool> DivisionStepAsync(JixiaoDbContext db, string regionCode, int year, CancellationToken ct) =>
        await db.WorkflowSettings.AsNoTracking().Where(s => s.RegionCode == regionCode && s.FiscalYear == year)
            .Select(s => (bool?)s.FormDivisionStep).SingleOrDefaultAsync(ct) ?? true;

    public static async Task<WorkflowView> ViewAsync(JixiaoDbContext db, string regionCode, int year, CancellationToken ct)
    {
        var setting = await db.WorkflowSettings.AsNoTracking().SingleOrDefaultAsync(s => s.RegionCode == regionCode && s.FiscalYear == year, ct);
        var prefix = setting?.DocumentPrefix ?? await DefaultPrefixAsync(db, regionCode, ct);
        var last = await db.DocumentCounters.AsNoTracking().Where(c => c.RegionCode == regionCode && c.FiscalYear == year)
            .Select(c => (long?)c.Last).SingleOrDefaultAsync(ct) ?? 0;
        return new WorkflowView(regionCode, year, setting?.FormDivisionStep ?? true, prefix, DocumentNumber.Format(prefix, year, last + 1),
            setting?.TargetDeadline, setting?.SelfEvaluationDeadline, setting?.NoticeDaysBefore ?? Domain.Notices.NoticeRules.DefaultDaysBefore);
    }

    public static async Task<WorkflowView> SetAsync(JixiaoDbContext db, CurrentUser user, int year, WorkflowRequest request, DateTime nowUtc,
        CancellationToken ct)
    {
        if (!user.Scope.Has(Role.PerformanceDivision)) throw new ConflictException("只有财政绩效股能设置审核流程和文号。");
        var region = user.RegionCode ?? throw new ConflictException("系统账号没有所属区划，不能设置审核流程和文号。");
        FiscalYears.EnsureValid(year);
        var setting = await db.WorkflowSettings.SingleOrDefaultAsync(s => s.RegionCode == region && s.FiscalYear == year, ct);
        if (setting is null)
        {
            setting = WorkflowSetting.Create(region, year, await DefaultPrefixAsync(db, region, ct));
            db.WorkflowSettings.Add(setting);
        }
        setting.Set(request.FormDivisionStep, request.DocumentPrefix, nowUtc);
        setting.SetDeadlines(request.TargetDeadline, request.SelfEvaluationDeadline, request.NoticeDaysBefore, nowUtc);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, region, year, ct);
    }

    /// <summary>
    /// The next 文号 of the region-year (襄财绩〔2026〕12号). Call it inside the transaction that saves the document: the
    /// counter row is moved on by one UPDATE that holds its lock until that transaction ends, so two writers never get
    /// the same number on either database, and a document that is refused gives its number back.
    /// </summary>
    public static async Task<string> NextDocumentNoAsync(JixiaoDbContext db, string regionCode, int year, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("A document number is taken inside the transaction that saves it.");
        var prefix = await db.WorkflowSettings.AsNoTracking().Where(s => s.RegionCode == regionCode && s.FiscalYear == year)
            .Select(s => s.DocumentPrefix).SingleOrDefaultAsync(ct) ?? await DefaultPrefixAsync(db, regionCode, ct);
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "DocumentCounters" ("RegionCode", "FiscalYear", "Last") VALUES ({regionCode}, {year}, 0) ON CONFLICT ("RegionCode", "FiscalYear") DO NOTHING""", ct);
        var next = await db.Database.SqlQuery<long>(
                $"""UPDATE "DocumentCounters" SET "Last" = "Last" + 1 WHERE "RegionCode" = {regionCode} AND "FiscalYear" = {year} RETURNING "Last" AS "Value" """)
            .ToListAsync(ct);
        return DocumentNumber.Format(prefix, year, next.Single());
    }

    private static async Task<string> DefaultPrefixAsync(JixiaoDbContext db, string regionCode, CancellationToken ct) =>
        DocumentNumber.DefaultPrefix(await db.Regions.IgnoreQueryFilters().Where(r => r.Code == regionCode).Select(r => r.Name).SingleOrDefaultAsync(ct) ?? "");
}
