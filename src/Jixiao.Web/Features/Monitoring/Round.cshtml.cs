using Jixiao.Domain;
using Jixiao.Domain.Access;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Jixiao.Web.Features.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Monitoring;

/// <summary>One round: statistics by department, red projects with reasons, the tasks filtered; finance refigures or closes it.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.BusinessStaff)]
public sealed class RoundModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock, IOptions<UploadLimits> limits) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? DepartmentId { get; set; }
    [BindProperty(SupportsGet = true)] public Light? Light { get; set; }
    [BindProperty(SupportsGet = true)] public FormState? State { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Key { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    [TempData] public string? Done { get; set; }

    public RoundStatistics Stats { get; private set; } = null!;
    public TaskPage Tasks { get; private set; } = null!;
    public bool Manages => user.Scope.Has(Role.PerformanceDivision);
    public MonitoringImportReport? Imported { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var stats = await MonitoringQueries.StatisticsAsync(db, id, 20, ct);
        if (stats is null) return NotFound();
        Stats = stats;
        Tasks = await MonitoringQueries.TasksAsync(db, user, id, new TaskFilter(DepartmentId, Light, State, Key, Keyword, Mine, PageNumber, 50), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRefigureAsync(long id, CancellationToken ct) =>
        await Run(id, async () =>
        {
            var changed = await RoundWork.RefigureAsync(db, id, ct);
            return changed is null ? null : $"已按截止日的账和当前预警规则重新计算，{changed} 个任务的资金数或预警有变化。";
        }, ct);

    public async Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct) =>
        await Run(id, async () => await RoundWork.CloseAsync(db, id, clock.GetUtcNow().UtcDateTime, ct) is null ? null : "监控已结束：监控表不能再填报或审核。", ct);

    /// <summary>导入 a filled 监控表: all or nothing, with the row report on the page.</summary>
    public async Task<IActionResult> OnPostImportAsync(long id, IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", "请选择要导入的监控表文件（xlsx、xls 或 csv）。");
        }
        else
        {
            Imported = await MonitoringSheet.ImportAsync(db, user, id, file.FileName, await Uploads.ReadAsync(file, limits.Value, ct), limits.Value,
                clock.GetUtcNow().UtcDateTime, ct);
        }
        return await OnGetAsync(id, ct);
    }

    private async Task<IActionResult> Run(long id, Func<Task<string?>> action, CancellationToken ct)
    {
        if (!Manages) return Forbid();
        try
        {
            var done = await action();
            if (done is null) return NotFound();
            Done = done;
            return Redirect($"/Monitoring/Round/{id}");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            db.ChangeTracker.Clear();
            return await OnGetAsync(id, ct);
        }
    }

    public string Link(int page = 1, Light? light = null, bool keepLight = true) =>
        $"/Monitoring/Round/{Stats.Round.Id}?DepartmentId={DepartmentId}&Light={(keepLight ? Light : light)}&State={State}&Key={Key}&Keyword={Uri.EscapeDataString(Keyword ?? "")}&Mine={Mine}&PageNumber={page}";
}
