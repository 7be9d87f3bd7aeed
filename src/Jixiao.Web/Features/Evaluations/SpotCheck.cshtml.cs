using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Evaluations;

/// <summary>抽查复核: draw a sample by rules with a recorded seed, then re-review each drawn self-evaluation.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Role.PerformanceDivision))]
public sealed class SpotCheckModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [TempData] public string? Done { get; set; }
    public IReadOnlyList<DrawView> Draws { get; private set; } = [];
    /// <summary>What the 比例 field starts with, so the blank form draws a sample instead of answering with an error.</summary>
    public decimal DefaultRatioPercent => 10m;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= calendar.Year - 1;
        Draws = await SpotChecks.DrawsAsync(db, Year.Value, ct);
    }

    public async Task<IActionResult> OnPostDrawAsync(int? seed, decimal? minWan, decimal? maxWan, decimal? ratioPercent, int? count, string? mustInclude,
        CancellationToken ct)
    {
        Year ??= calendar.Year - 1;
        var draw = await SpotChecks.DrawAsync(db, user, new DrawRequest(Year.Value, seed, minWan, maxWan, ratioPercent, count, mustInclude),
            clock.GetUtcNow().UtcDateTime, ct);
        return Back($"已抽取 {draw.Items.Count} 份（种子 {draw.Seed}）：{draw.Explanation}");
    }

    public async Task<IActionResult> OnPostReviewAsync(long drawId, long evaluationId, decimal? qualityScore, decimal? indicatorScore, CancellationToken ct)
    {
        Year ??= calendar.Year - 1;
        if (qualityScore is null || indicatorScore is null)
            throw new DomainException("请填写自评质量分和复核指标分（数字）。", "复核");
        var item = await SpotChecks.ReReviewAsync(db, user, drawId, evaluationId, new ReReviewRequest(qualityScore.Value, indicatorScore.Value),
            clock.GetUtcNow().UtcDateTime, ct);
        return Back(item is null ? "抽查记录不存在。" : item.ReviewExplanation);
    }

    private RedirectResult Back(string done)
    {
        Done = done;
        return Redirect($"/Evaluations/SpotCheck?Year={Year}");
    }
}
