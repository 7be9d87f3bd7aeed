using Jixiao.Domain.Budget;
using Jixiao.Domain.ExAnte;
using Jixiao.Web.Features.ExAnte;
using Jixiao.Domain.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Projects;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Access.Policies.BusinessStaff)]
public sealed class IndexModel(JixiaoDbContext db, ProjectListCache cache, CurrentUser current, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public long? DepartmentId { get; set; }
    [BindProperty(SupportsGet = true)] public long? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public BudgetKind? BudgetKind { get; set; }
    [BindProperty(SupportsGet = true)] public TransferLevel? Transfer { get; set; }
    [BindProperty(SupportsGet = true)] public FundTags? Tag { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectLevel? Level { get; set; }
    [BindProperty(SupportsGet = true)] public LibraryStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public decimal? MinWan { get; set; }
    [BindProperty(SupportsGet = true)] public decimal? MaxWan { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectSort Sort { get; set; } = ProjectSort.Code;
    [BindProperty(SupportsGet = true)] public bool Descending { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public ProjectPage Result { get; private set; } = new([], 0, 1, 50, 0, 0);
    public List<OrgUnit> Departments { get; private set; } = [];
    public List<OrgUnit> Units { get; private set; } = [];
    public List<int> Years { get; private set; } = [];
    public DateOnly AsOf { get; private set; }
    /// <summary>The 事前评估 of the page's projects that have one (the others need none), read in one query.</summary>
    public IReadOnlyDictionary<long, (ExAnteStatus Status, string Trigger, long Id)> ExAnte { get; private set; } =
        new Dictionary<long, (ExAnteStatus, string, long)>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Years = await db.FiscalYears.AsNoTracking().Where(y => y.RegionCode == current.RegionCode).OrderByDescending(y => y.Year).Select(y => y.Year).ToListAsync(ct);
        Year ??= calendar.Year;
        AsOf = ProjectQueries.DefaultAsOf(Year.Value, calendar.Today);
        var orgs = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgKind.Department || o.Kind == OrgKind.Unit)
            .OrderBy(o => o.Code).ToListAsync(ct);
        Departments = orgs.Where(o => o.Kind == OrgKind.Department).ToList();
        Units = orgs.Where(o => o.Kind == OrgKind.Unit && (DepartmentId == null || o.ParentId == DepartmentId)).ToList();
        Result = await ProjectQueries.PageAsync(db, new ProjectFilter(null, Year, DepartmentId, UnitId, BudgetKind, Transfer, Tag, Category, Level,
            Status, null, MinWan, MaxWan, Keyword, Sort, Descending, PageNumber), AsOf, cache, ct);
        ExAnte = await ExAnteQueries.StatusesAsync(db, [.. Result.Rows.Select(r => r.Id)], ct);
    }

    public string Link(int? page = null, ProjectSort? sort = null)
    {
        var descending = sort is null ? Descending : sort == Sort ? !Descending : sort is ProjectSort.Adjusted or ProjectSort.Executed or ProjectSort.Rate;
        var query = new Dictionary<string, string?>
        {
            ["Year"] = Year?.ToString(), ["DepartmentId"] = DepartmentId?.ToString(), ["UnitId"] = UnitId?.ToString(),
            ["BudgetKind"] = BudgetKind?.ToString(), ["Transfer"] = Transfer?.ToString(), ["Tag"] = Tag?.ToString(),
            ["Category"] = Category?.ToString(), ["Level"] = Level?.ToString(), ["Status"] = Status?.ToString(),
            ["MinWan"] = MinWan?.ToString(), ["MaxWan"] = MaxWan?.ToString(), ["Keyword"] = Keyword,
            ["Sort"] = (sort ?? Sort).ToString(), ["Descending"] = descending ? "true" : null,
            ["PageNumber"] = (page ?? (sort is null ? PageNumber : 1)).ToString(),
        };
        return QueryString.Create(query.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
    }
}
