using Jixiao.Domain.Indicators;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Targets;

/// <summary>One indicator row as the form posts it; the 二级指标 select carries "一级|二级".</summary>
public sealed class IndicatorForm
{
    public string Level { get; set; } = "";
    public string? Name { get; set; }
    public Comparison Comparison { get; set; } = Comparison.GreaterOrEqual;
    public string? TargetValue { get; set; }
    public string? Unit { get; set; }
    public ValueBasis Basis { get; set; } = ValueBasis.Plan;
    public decimal? Weight { get; set; }
    public string? Explanation { get; set; }
    public string? ScoringStandard { get; set; }
    public long? LibraryEntryId { get; set; }
    public IndicatorDirection? Direction { get; set; }

    public TargetIndicatorInput ToInput()
    {
        var parts = Level.Split('|', 2);
        return new TargetIndicatorInput(parts[0], parts.Length == 2 ? parts[1] : "", Name ?? "", Comparison, TargetValue ?? "", Unit ?? "",
            Basis, Weight, Explanation ?? "", ScoringStandard ?? "", LibraryEntryId, Direction);
    }

    public static IndicatorForm From(TargetIndicator i) => new()
    {
        Level = $"{i.Level1}|{i.Level2}", Name = i.Name, Comparison = i.Comparison, TargetValue = i.TargetValue, Unit = i.Unit,
        Basis = i.Basis, Weight = i.Weight, Explanation = i.Explanation, ScoringStandard = i.ScoringStandard, LibraryEntryId = i.LibraryEntryId,
        Direction = i.Direction,
    };
}

public sealed class TargetForm
{
    public string? OverallGoal { get; set; }
    public string? AnnualGoal { get; set; }
    public List<IndicatorForm> Indicators { get; set; } = [];

    public TargetContent ToContent() => new(OverallGoal, AnnualGoal, Indicators.Select(i => i.ToInput()).ToList());
}

/// <summary>
/// The target form: goals and indicator rows, with the library beside it. Adding, removing and picking rows
/// only re-renders what was posted; 保存 and 提交 write (a draft may be saved with findings, a submit may not).
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.BusinessStaff)]
public sealed class EditModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock, IOptions<FormLimits> limits) : PageModel
{
    [BindProperty] public TargetForm Form { get; set; } = new();
    [BindProperty] public string? Q { get; set; }
    [BindProperty] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }

    public TargetView View { get; private set; } = null!;
    public LibraryPage? Library { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (HttpMethods.IsGet(Request.Method))
        {
            if (!View.CanEdit) return Redirect($"/Targets/Details/{id}");
            Form = new TargetForm
            {
                OverallGoal = View.Target.OverallGoal,
                AnnualGoal = View.Target.AnnualGoal,
                Indicators = View.Target.Indicators.OrderBy(i => i.Row).Select(IndicatorForm.From).ToList(),
            };
            if (Form.Indicators.Count == 0)
                Form.Indicators.AddRange(View.Frame.Levels.Select(l => new IndicatorForm { Level = $"{l.Level1}|{l.Level2s[0]}" }));
        }
        await SearchLibraryAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(long id, CancellationToken ct) => await WriteAsync(id, submit: false, ct);

    public async Task<IActionResult> OnPostSubmitAsync(long id, CancellationToken ct) => await WriteAsync(id, submit: true, ct);

    public Task<IActionResult> OnPostAddRowAsync(long id, CancellationToken ct)
    {
        Form.Indicators.Add(new IndicatorForm { Level = Form.Indicators.LastOrDefault()?.Level ?? "" });
        return RedisplayAsync(id, ct);
    }

    public Task<IActionResult> OnPostRemoveRowAsync(long id, int row, CancellationToken ct)
    {
        if (row >= 0 && row < Form.Indicators.Count) Form.Indicators.RemoveAt(row);
        return RedisplayAsync(id, ct);
    }

    public Task<IActionResult> OnPostSearchAsync(long id, CancellationToken ct) => RedisplayAsync(id, ct);

    /// <summary>引用指标: a row from a library entry, its example value as a starting point.</summary>
    public async Task<IActionResult> OnPostPickAsync(long id, long entryId, CancellationToken ct)
    {
        var entry = await db.Library.FindAsync([entryId], ct);
        if (entry is { Status: Jixiao.Domain.Indicators.LibraryEntryStatus.Active })
            Form.Indicators.Add(new IndicatorForm
            {
                Level = $"{entry.Level1}|{entry.Level2}", Name = entry.Name, Comparison = entry.Comparison ?? Comparison.GreaterOrEqual,
                TargetValue = entry.ExampleValue, Unit = entry.Unit, Explanation = entry.Explanation, ScoringStandard = entry.ScoringStandard,
                LibraryEntryId = entry.Id,
            });
        return await RedisplayAsync(id, ct);
    }

    private async Task<IActionResult> WriteAsync(long id, bool submit, CancellationToken ct)
    {
        if (BindingErrors.Explain(ModelState, "Form.Indicators", FieldNames)) return await RedisplayAsync(id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (await TargetWork.SaveAsync(db, user, id, Form.ToContent(), limits.Value, now, ct) is null) return NotFound();
        if (!submit) return Redirect($"/Targets/Edit/{id}?Saved=true");
        await TargetWork.ActAsync(db, user, id, ReviewAction.Submit, null, null, now, ct);
        return Redirect($"/Targets/Details/{id}");
    }

    private async Task<IActionResult> RedisplayAsync(long id, CancellationToken ct)
    {
        BindingErrors.Explain(ModelState, "Form.Indicators", FieldNames);
        // Rows were added, removed or picked: the inputs must show Form as it is now, not the posted values
        // under their old indexes; the page-level messages stay.
        var messages = ModelState.TryGetValue("", out var page) ? page.Errors.Select(e => e.ErrorMessage).ToList() : [];
        ModelState.Clear();
        foreach (var message in messages) ModelState.AddModelError("", message);
        if (await LoadAsync(id, ct) is { } missing) return missing;
        await SearchLibraryAsync(ct);
        return Page();
    }

    private static readonly Dictionary<string, string> FieldNames = new()
    {
        [nameof(IndicatorForm.Weight)] = "权重应为数字，如 10 或 12.5",
        [nameof(IndicatorForm.Comparison)] = "指标性质请从列表中选择",
        [nameof(IndicatorForm.Direction)] = "方向请从列表中选择",
        [nameof(IndicatorForm.Basis)] = "取值依据请从列表中选择",
        [nameof(IndicatorForm.LibraryEntryId)] = "引用的指标库条目无效，请重新引用",
    };

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var view = await TargetQueries.ViewAsync(db, user, id, ct);
        if (view is null) return NotFound();
        View = view;
        return null;
    }

    private async Task SearchLibraryAsync(CancellationToken ct) =>
        Library = await LibraryQueries.SearchAsync(db, Q, Sector, null, null, null, Jixiao.Domain.Indicators.LibraryEntryStatus.Active, 1, 12, ct);

    /// <summary>The findings of the saved version for a row (1-based), shown beside it.</summary>
    public IEnumerable<QualityIssue> IssuesOf(int row) => View.Issues.Where(i => i.Row == row);

    /// <summary>A target opened for the first time, nothing written yet: its checks are a to-do list, not errors in red.</summary>
    public bool Untouched => HttpMethods.IsGet(Request.Method) && View.Target.Indicators.Count == 0
                             && string.IsNullOrWhiteSpace(View.Target.OverallGoal) && string.IsNullOrWhiteSpace(View.Target.AnnualGoal);
}
