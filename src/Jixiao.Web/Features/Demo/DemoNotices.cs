using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Notices;
using Jixiao.Domain.Reviews;

namespace Jixiao.Web.Features.Demo;

/// <summary>
/// The demo county's deadlines for the reminders: last year's self-evaluations were due by 30 April (the forms still open are
/// overdue), next year's targets are due in two days (the drafts are due soon). The seeder runs the deadline sweep once the data is
/// in, so every demo account opens 消息提醒 with what a real morning would show.
/// </summary>
public static class DemoNotices
{
    public static async Task FillAsync(SystemDbContext db, string region, string regionName, int current, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var last = await SettingAsync(db, region, regionName, current - 1, ct);
        last.SetDeadlines(last.TargetDeadline, new DateOnly(current, 4, 30), NoticeRules.DefaultDaysBefore, nowUtc);
        var next = await SettingAsync(db, region, regionName, current + 1, ct);
        next.SetDeadlines(today.AddDays(2) is { } due && due.Year <= current + 1 ? due : new DateOnly(current + 1, 12, 31), next.SelfEvaluationDeadline,
            NoticeRules.DefaultDaysBefore, nowUtc);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<WorkflowSetting> SettingAsync(SystemDbContext db, string region, string regionName, int year, CancellationToken ct)
    {
        if (await db.WorkflowSettings.SingleOrDefaultAsync(s => s.RegionCode == region && s.FiscalYear == year, ct) is { } setting) return setting;
        setting = WorkflowSetting.Create(region, year, DocumentNumber.DefaultPrefix(regionName));
        db.WorkflowSettings.Add(setting);
        return setting;
    }
}
