using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Monitoring;

/// <summary>One round: statistics by department, red projects with reasons, the tasks filtered; finance refigures or closes it.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.BusinessStaff)]
public sealed class RoundModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock, IOptions<UploadLimits> limits) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool? Key { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    [TempData] public string? Done { get; set; }

    public FormQuery Query { get; private set; } = new();
    public FormChoices Choices { get; private set; } = null!;
    public RoundStatistics Stats { get; private set; } = null!;

    /// <summary>The round's 时间进度, months 1–m of 12 (DOMAIN §4.3).</summary>
    public decimal TimeProgress => Jixiao.Domain.Budget.TimeProgress.ForMonth(Stats.Round.Month);
    public FormPage<TaskRow> Tasks { get; private set; } = null!;
    public bool Manages => user.Scope.Has(Role.PerformanceDivision);
    public MonitoringImportReport? Imported { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var stats = await MonitoringQueries.StatisticsAsync(db, id, 20, ct);
        if (stats is null) return NotFound();
        Stats = stats;
        Query = FormQuery.ForPage<FormState>(Request.Query, s => s.Label(), ModelState);
        Tasks = await MonitoringQueries.TasksAsync(db, user, id, Query, ct, Mine, Key);
        Choices = await FormList.ChoicesAsync(db, ct);
        return Page();
    }

    /// <summary>批量审核通过 / 退回 of the ticked returns, then back to the same filtered page with what was done and what failed.</summary>
    public async Task<IActionResult> OnPostBatchAsync(long id, List<long> ids, FormAction action, string? opinion, CancellationToken ct)
    {
        Done = (await ReturnWork.BatchAsync(db, user, action, new BatchRequest(ids, opinion), clock.GetUtcNow().UtcDateTime, ct)).Summary;
        Query = FormQuery.From(Request.Query);
        return Redirect($"/Monitoring/Round/{id}?{Keep()}&{Query.With()}");
    }

    private string Keep() => $"Mine={Mine}" + (Key is { } key ? $"&Key={key}" : "");

    public FormFilterBar Filters => new($"/Monitoring/Round/{Stats.Round.Id}", Query, Choices,
        new Dictionary<string, string> { ["Mine"] = $"{Mine}", ["Key"] = $"{Key}" },
        Enum.GetValues<FormState>().Select(s => (s.ToString(), s.Label())).ToList(), Lights: true);

    public bool Batches => Stats.Round.State == RoundState.Open && ReturnWork.Reviews(user);

    public string BatchAction => $"/Monitoring/Round/{Stats.Round.Id}?handler=Batch&{Keep()}&{Query.With()}";

    public async Task<IActionResult> OnPostRefigureAsync(long id, CancellationToken ct) =>
        await Run(id, async () =>
        {
            var changed = await RoundWork.RefigureAsync(db, id, ct);
            return changed is null ? null : $"已按截止日的账和当前预警规则重新计算，{changed} 个任务的资金数或预警有变化。";
        });

    public async Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct) =>
        await Run(id, async () => await RoundWork.CloseAsync(db, id, clock.GetUtcNow().UtcDateTime, ct) is null ? null : "监控已结束：监控表不能再填报或审核。");

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

    private async Task<IActionResult> Run(long id, Func<Task<string?>> action)
    {
        if (!Manages) return Forbid();
        var done = await action();
        if (done is null) return NotFound();
        Done = done;
        return Redirect($"/Monitoring/Round/{id}");
    }

    public string Link(params (string Key, object? Value)[] changes) => $"/Monitoring/Round/{Stats.Round.Id}?{Keep()}&{Query.With(changes)}";

    public string MineLink(bool mine) => $"/Monitoring/Round/{Stats.Round.Id}?Mine={mine}" + (Key is { } key ? $"&Key={key}" : "") + $"&{Query.With((nameof(FormQuery.PageNumber), null))}";
}
