using Jixiao.Domain.Monitoring;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Monitoring;

/// <summary>Monitoring rounds of a year; the performance division opens one; everyone sees what waits for them.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.BusinessStaff)]
public sealed class IndexModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public IReadOnlyList<RoundSummary> Rounds { get; private set; } = [];
    /// <summary>Per open round, the returns waiting for the user.</summary>
    public IReadOnlyList<(RoundSummary Round, FormPage<TaskRow> Waiting)> Waiting { get; private set; } = [];
    public bool Opens => user.Scope.Has(Role.PerformanceDivision);
    public int DefaultMonth { get; private set; }
    public DateOnly DefaultDeadline { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = calendar.Today;
        Year ??= today.Year;
        // National default: July data, round in August; later in the year the last finished month.
        DefaultMonth = Year < today.Year ? 12 : Math.Max(1, today.Month - 1);
        DefaultDeadline = today.AddDays(15);
        Rounds = await MonitoringQueries.RoundsAsync(db, Year.Value, ct);
        var waiting = new List<(RoundSummary, FormPage<TaskRow>)>();
        foreach (var round in Rounds.Where(r => r.State == RoundState.Open))
            waiting.Add((round, await MonitoringQueries.TasksAsync(db, user, round.Id, new FormQuery { PageSize = 20 }, ct, mine: true)));
        Waiting = waiting;
    }

    public async Task<IActionResult> OnPostOpenAsync(int month, DateOnly? deadline, string? title, decimal? keyMinWan, CancellationToken ct)
    {
        Year ??= calendar.Year;
        if (deadline is null) throw new DomainException("请填写填报截止日期。", "填报截止日期");
        var opened = await RoundWork.OpenAsync(db, user, new OpenRound(Year.Value, month, deadline.Value, title, keyMinWan),
            clock.GetUtcNow().UtcDateTime, ct);
        TempData["Done"] = $"已开启“{opened.Title}”：下达项目监控任务 {opened.ProjectTasks} 个、部门整体 {opened.DepartmentTasks} 个（重点监控 {opened.KeyTasks} 个），"
                           + $"开启时执行红灯 {opened.RedAtOpening} 个。截至 {opened.CutOff:yyyy-MM-dd} 有预算但目标未批复的项目 {opened.WithoutTargets} 个未纳入。";
        return Redirect($"/Monitoring/Round/{opened.RoundId}");
    }
}
