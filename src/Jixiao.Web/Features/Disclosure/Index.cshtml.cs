using Jixiao.Domain.Disclosure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Disclosure;

/// <summary>信息公开: the year's figures by kind and department, the batches, the items of one kind with their state; publish, withhold, the reasons.</summary>
[Authorize(Policy = Policies.FinanceStaff)]
public sealed class IndexModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public PublicationKind Kind { get; set; } = PublicationKind.ProjectTargets;
    [BindProperty(SupportsGet = true)] public PublicationState? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? SourceKey { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Reasons { get; set; }
    [TempData] public string? Done { get; set; }

    public DisclosureOverview Overview { get; private set; } = null!;
    public CandidatePage Items { get; private set; } = null!;
    public bool Keeper => user.Scope.Has(Role.PerformanceDivision);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= calendar.Year;
        Overview = await DisclosureQueries.OverviewAsync(db, user, Year.Value, ct);
        Items = await DisclosureQueries.ItemsAsync(db, user, new CandidateQuery(Year, Kind, State, null, Q, PageNumber), Year.Value, ct);
        if (!HttpMethods.IsPost(Request.Method)) Reasons = string.Join("\n", Overview.Reasons);
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        Year ??= calendar.Year;
        var batch = await DisclosureWork.PublishAsync(db, user, new PublishRequest(Year.Value, Kind, Title), clock.GetUtcNow().UtcDateTime, ct);
        Done = $"已发布“{batch.Title}”，共 {batch.Items} 项，公众可在信息公开门户查阅和下载。";
        return Redirect(Link());
    }

    public async Task<IActionResult> OnPostWithholdAsync(CancellationToken ct)
    {
        Year ??= calendar.Year;
        if (await DisclosureWork.WithholdAsync(db, user, new WithholdRequest(Year.Value, Kind, SourceKey ?? "", Reason, Note), clock.GetUtcNow().UtcDateTime, ct) is null)
            return NotFound();
        Done = $"已标为不公开（{Reason}），此后的批次不再发布该项。";
        return Redirect(Link());
    }

    public async Task<IActionResult> OnPostReleaseAsync(long id, CancellationToken ct)
    {
        if (!await DisclosureWork.ReleaseAsync(db, user, id, ct)) return NotFound();
        Done = "已撤销不公开，该项随下一批次发布。";
        return Redirect(Link());
    }

    public async Task<IActionResult> OnPostReasonsAsync(CancellationToken ct)
    {
        Year ??= calendar.Year;
        await DisclosureWork.SetReasonsAsync(db, user, Year.Value, Reasons, clock.GetUtcNow().UtcDateTime, ct);
        Done = $"{Year} 年度不公开理由清单已保存。";
        return Redirect(Link());
    }

    public string Link(PublicationKind? kind = null, PublicationState? state = null, bool keepState = false, int? page = null) =>
        $"/Disclosure?Year={Year}&Kind={kind ?? Kind}" + ((keepState ? State : state) is { } s ? $"&State={s}" : "")
        + (string.IsNullOrEmpty(Q) ? "" : $"&Q={Uri.EscapeDataString(Q)}") + (page is { } p ? $"&p={p}" : "");

    public static string Badge(PublicationState state) => state switch
    {
        PublicationState.Published => "text-bg-success",
        PublicationState.Withheld => "text-bg-secondary",
        PublicationState.NewVersion => "text-bg-info",
        _ => "text-bg-warning",
    };
}
