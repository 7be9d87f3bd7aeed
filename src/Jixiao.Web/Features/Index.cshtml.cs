using Jixiao.Domain.Audit;
using Jixiao.Web.Features.Users;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features;

public sealed record PendingItem(string Title, string Detail, string Link);

/// <summary>工作台: who I am, what I can see, and my pending work.</summary>
public sealed class IndexModel(JixiaoDbContext db, CurrentUser current, TimeProvider clock, BusinessClock calendar) : PageModel
{
    public string OrgName { get; private set; } = "";
    public string RegionName { get; private set; } = "";
    public int VisibleOrgCount { get; private set; }
    public int RegionCount { get; private set; }
    public List<PendingItem> Pending { get; } = [];
    /// <summary>This year's execution over the projects the user can see (business roles only).</summary>
    public Projects.ProjectPage? Execution { get; private set; }
    public DateOnly AsOf { get; private set; }

    /// <summary>时间进度 of the year at <see cref="AsOf"/>, beside the execution rate.</summary>
    public decimal TimeProgress => Jixiao.Domain.Budget.TimeProgress.AsOf(AsOf, AsOf.Year);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = current.Scope;
        var me = await db.Users.AsNoTracking().SingleAsync(u => u.Id == current.UserId, ct);
        OrgName = me.OrgUnitId is { } orgId
            ? await db.OrgUnits.Where(o => o.Id == orgId).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? ""
            : "（不隶属机构）";
        RegionName = await db.Regions.Where(r => r.Code == me.RegionCode).Select(r => r.Name).SingleOrDefaultAsync(ct) ?? me.RegionCode;
        RegionCount = scope.RegionCodes.Count;
        VisibleOrgCount = await db.OrgUnits.CountAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var year = calendar.Year;
        if (scope.Roles.Any(r => r is Role.UnitFiller or Role.DepartmentReviewer or Role.BusinessDivision or Role.PerformanceDivision))
        {
            AsOf = Projects.ProjectQueries.DefaultAsOf(year, calendar.Today);
            Execution = await Projects.ProjectQueries.PageAsync(db, new Projects.ProjectFilter(Year: year, Pool: false, PageSize: 10), AsOf, ct);
            var targets = await Targets.TargetQueries.InboxCountsAsync(db, current, year, ct);
            if (targets[Targets.InboxBox.Returned] > 0)
                Pending.Add(new($"绩效目标被退回：{targets[Targets.InboxBox.Returned]} 项", "查看退回理由，修改后重新提交", "/Targets?Box=Returned"));
            if (targets[Targets.InboxBox.Todo] > 0)
                Pending.Add(new($"绩效目标待办：{targets[Targets.InboxBox.Todo]} 项", "待填报、提交或审核的目标", "/Targets"));
            var returns = await Monitoring.MonitoringQueries.WaitingCountAsync(db, current, ct);
            if (returns > 0)
                Pending.Add(new($"运行监控待办：{returns} 项", "待填报、被退回或待审核的监控表", "/Monitoring"));
            if (targets[Targets.InboxBox.NotStarted] > 0)
                Pending.Add(new($"尚未填报绩效目标的项目：{targets[Targets.InboxBox.NotStarted]} 个", "预算内项目都要有绩效目标", "/Targets?Box=NotStarted"));
            // 事前评估: reports to write or complete, revisions to make; finance's reports to assess and revisions to accept.
            foreach (var t in await ExAnte.ExAnteToDoQuery.ForUserAsync(db, current, ct))
            {
                var link = $"/ExAnte?Year={t.FiscalYear}";
                if (t.Returned > 0) Pending.Add(new($"事前评估报告被退回：{t.Returned} 项（{t.FiscalYear} 年度）", "查看退回理由，补充后重新提交", link));
                if (t.ToWrite > 0) Pending.Add(new($"待提交事前评估报告：{t.ToWrite} 项（{t.FiscalYear} 年度）", "需事前评估的项目，评估支持后才能安排预算", link));
                if (t.ToRevise > 0) Pending.Add(new($"待调整完善的事前评估：{t.ToRevise} 项（{t.FiscalYear} 年度）", "结论为调整完善后予以支持，提交修改稿并经财政确认后才能安排预算", link));
                if (t.ToAssess > 0) Pending.Add(new($"待出具事前评估结论：{t.ToAssess} 项（{t.FiscalYear} 年度）", "单位已提交事前评估报告", link));
                if (t.ToAccept > 0) Pending.Add(new($"待确认事前评估修改稿：{t.ToAccept} 项（{t.FiscalYear} 年度）", "确认后项目方可安排预算", link));
            }
        }
        // 整改: replies to write (returned ones first), replies to review or verify, and what is overdue.
        var rectify = await Rectifications.RectificationQueries.ToDoAsync(db, current, calendar.Today, ct);
        if (rectify.Returned > 0)
            Pending.Add(new($"整改情况被退回：{rectify.Returned} 项", "查看退回理由，补充整改措施或佐证后重新提交", "/Rectifications?Box=Mine"));
        if (rectify.ToReply - rectify.Returned > 0)
            Pending.Add(new($"待整改事项：{rectify.ToReply - rectify.Returned} 项{(rectify.OverdueMine > 0 ? $"（逾期 {rectify.OverdueMine} 项）" : "")}",
                "填写整改措施及成效并上传佐证材料，按期提交", "/Rectifications?Box=Mine"));
        if (rectify.ToReview > 0) Pending.Add(new($"待审核整改情况：{rectify.ToReview} 项", "所属单位提交的整改情况，审核后报财政核实", "/Rectifications?Box=Mine"));
        if (rectify.ToVerify > 0) Pending.Add(new($"待核实整改情况：{rectify.ToVerify} 项", "核实通过即整改完成，不到位的退回", "/Rectifications?Box=Mine"));
        if (rectify.OverdueAll > 0 && (scope.Has(Role.PerformanceDivision) || scope.Has(Role.DepartmentReviewer))) Pending.Add(new($"逾期未整改事项：{rectify.OverdueAll} 项", "超过整改期限仍未报送财政核实，督促责任单位或延期", "/Rectifications?Box=Overdue"));
        // 委托 stages waiting for the user's party (the agency's to submit, or returned with an objection; the unit's and finance's to confirm).
        if (scope.Roles.Any(r => r is Role.Agency or Role.UnitFiller or Role.DepartmentReviewer or Role.BusinessDivision or Role.PerformanceDivision))
        {
            var stages = await Engagements.EngagementQueries.ToDoAsync(db, current, calendar.Today, ct);
            var objected = stages.Count(s => s.State == Domain.Engagements.StageState.Objected && scope.Has(Role.Agency));
            if (objected > 0)
                Pending.Add(new($"被提出异议的阶段成果：{objected} 项", "查看异议理由，修改后重新提交", "/Engagements"));
            if (stages.Count - objected > 0)
                Pending.Add(new($"第三方委托待办：{stages.Count - objected} 项{(stages.Any(s => s.Overdue) ? $"（逾期 {stages.Count(s => s.Overdue)} 项）" : "")}",
                    scope.Has(Role.Agency) ? "待提交的阶段成果" : "待确认或已逾期的阶段成果", "/Engagements"));
        }
        // 评审组: an expert's panels to score, each with its due date; finance's panels past their due date.
        if (scope.Roles.Any(r => r is Role.Expert or Role.BusinessDivision or Role.PerformanceDivision))
            foreach (var panel in await Panels.PanelQueries.ToDoAsync(db, current, calendar.Today, ct))
                Pending.Add(new(scope.ExpertId is null ? $"评审组逾期未评完：{panel.Title}" : $"待评分：{panel.Title}",
                    $"{panel.Purpose.Label()}，{panel.DueOn:yyyy-MM-dd} 前评分{(panel.Overdue ? "（已逾期）" : "")}，{panel.Scored}/{panel.Sitting} 位专家已评分",
                    $"/Panels/Details/{panel.PanelId}"));
        if (scope.Has(Role.SecurityAdmin))
        {
            foreach (var user in await SaveUser.LockedAsync(db, now, ct))
                Pending.Add(new($"账号锁定：{user.DisplayName}（{user.UserName}）", $"锁定至 {user.LockoutEndUtc:yyyy-MM-dd HH:mm} UTC", "/Security"));
        }
        if (scope.Has(Role.AuditAdmin))
        {
            var since = now.AddDays(-1);
            var failures = await db.AuditEntries.Where(e => e.OccurredAtUtc >= since && (e.Action == AuditAction.LoginFailed || e.Action == AuditAction.LockedOut))
                .GroupBy(e => e.UserName).Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).Take(20).ToListAsync(ct);
            foreach (var failure in failures)
                Pending.Add(new($"登录失败：{failure.Key}", $"近 24 小时 {failure.Count} 次", $"/Audit?Operator={Uri.EscapeDataString(failure.Key)}"));
        }
        if (scope.Has(Role.PerformanceDivision))
        {
            var since = now.AddDays(-7);
            var previewed = await db.ImportBatches.AsNoTracking()
                .Where(b => b.UserId == current.UserId && b.Status == ImportStatus.Previewed && b.CreatedAtUtc >= since)
                .OrderByDescending(b => b.Id).Take(10).Select(b => new { b.FileName, b.Summary }).ToListAsync(ct);
            foreach (var batch in previewed)
                Pending.Add(new($"导入待处理：{batch.FileName}", batch.Summary, "/Imports"));
        }
        if (scope.Has(Role.SystemAdmin))
        {
            var locked = await db.Users.CountAsync(u => !u.IsActive, ct);
            if (locked > 0) Pending.Add(new("已停用的账号", $"{locked} 个，确认是否需要删除或恢复", "/Users?Status=inactive"));
        }
    }
}
