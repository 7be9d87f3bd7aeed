using System.Linq.Expressions;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Reviews;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Jixiao.Web.Features.Workflow;

public enum FormSort
{
    /// <summary>the list's own order: monitoring by light, then the largest budgets first</summary>
    [Label("默认")]
    Default = 0,
    [Label("项目代码")]
    Code = 1,
    [Label("全年预算")]
    Budget = 2,
    [Label("单位")]
    Unit = 3,
    [Label("更新时间")]
    Updated = 4,
}

/// <summary>
/// What a list of forms (targets, monitoring returns, self-evaluations) is asked for, bound from the query string and
/// the API alike: search (project code or name, unit), department, funding division, state, light, grade, sort, page.
/// </summary>
public sealed class FormQuery
{
    /// <summary>搜索：项目代码、项目名称或单位名称的一部分</summary>
    public string? Q { get; set; }
    /// <summary>主管部门</summary>
    public long? Department { get; set; }
    /// <summary>资金所在业务股室: the departments it funds in the year</summary>
    public long? Division { get; set; }
    /// <summary>状态, by name (Submitted, DepartmentApproved …)</summary>
    public string? State { get; set; }
    /// <summary>监控预警灯 (monitoring only)</summary>
    public Light? Light { get; set; }
    /// <summary>参考等级 (self-evaluations only)</summary>
    public Grade? Grade { get; set; }
    // Nullable so the API binds them as optional ([AsParameters]); the list reads them with their defaults.
    public FormSort? Sort { get; set; }
    public bool? Desc { get; set; }
    public int? PageNumber { get; set; }
    public int? PageSize { get; set; }

    /// <summary>The query of a page's query string; a value that is not one of the choices is left out, as a link would never carry it.</summary>
    public static FormQuery From(IQueryCollection query)
    {
        string? Text(string key) => query.TryGetValue(key, out var v) && v.ToString() is { Length: > 0 } t ? t : null;
        long? Long(string key) => long.TryParse(Text(key), out var v) ? v : null;
        int? Int(string key) => int.TryParse(Text(key), out var v) ? v : null;
        T? Choice<T>(string key) where T : struct, Enum => Enum.TryParse<T>(Text(key), true, out var v) && Enum.IsDefined(v) ? v : null;
        return new FormQuery
        {
            Q = Text(nameof(Q)), Department = Long(nameof(Department)), Division = Long(nameof(Division)), State = Text(nameof(State)),
            Light = Choice<Light>(nameof(Light)), Grade = Choice<Grade>(nameof(Grade)), Sort = Choice<FormSort>(nameof(Sort)),
            Desc = bool.TryParse(Text(nameof(Desc)), out var desc) ? desc : null, PageNumber = Int(nameof(PageNumber)), PageSize = Int(nameof(PageSize)),
        };
    }

    /// <summary>
    /// The query of a page's list of <typeparamref name="TState"/> forms: an unknown state in the address is no error page but the
    /// message above the list, which then shows every state.
    /// </summary>
    public static FormQuery ForPage<TState>(IQueryCollection query, Func<TState, string> label, ModelStateDictionary page) where TState : struct, Enum
    {
        var q = From(query);
        if (!q.TryState<TState>(out _))
        {
            page.AddModelError("", q.UnknownState(label));
            q.State = null;
        }
        return q;
    }

    /// <summary>The state asked for, if it is one of <typeparamref name="TState"/>; an unknown name is refused with the choices.</summary>
    public TState? StateAs<TState>(Func<TState, string> label) where TState : struct, Enum =>
        TryState<TState>(out var state) ? state : throw new DomainException(UnknownState(label), "状态");

    private bool TryState<TState>(out TState? state) where TState : struct, Enum
    {
        state = Enum.TryParse<TState>(State?.Trim(), ignoreCase: true, out var named) && Enum.IsDefined(named) ? named : null;
        return state is not null || string.IsNullOrWhiteSpace(State);
    }

    private string UnknownState<TState>(Func<TState, string> label) where TState : struct, Enum =>
        $"状态“{State}”不存在，可选：{string.Join("、", Enum.GetValues<TState>().Select(s => $"{s}（{label(s)}）"))}。";

    /// <summary>The query string of this query with some keys changed (null drops a key).</summary>
    public string With(params (string Key, object? Value)[] changes)
    {
        var values = new Dictionary<string, object?>
        {
            [nameof(Q)] = Q, [nameof(Department)] = Department, [nameof(Division)] = Division, [nameof(State)] = State, [nameof(Light)] = Light,
            [nameof(Grade)] = Grade, [nameof(Sort)] = Sort == FormSort.Default ? null : Sort, [nameof(Desc)] = Desc == true ? true : null,
            [nameof(PageNumber)] = PageNumber is null or 1 ? null : PageNumber,
        };
        foreach (var (key, value) in changes) values[key] = value;
        return string.Join("&", values.Where(v => v.Value is not null && v.Value.ToString() is { Length: > 0 })
            .Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!.ToString()!)}"));
    }
}

/// <summary>
/// A form with the names every list shows and filters on, for <see cref="FormList.PageAsync"/>; set every member (EF translates
/// only what is set): a form list sets all but the names and has <see cref="FormList.Named"/> add them.
/// </summary>
public sealed class Listed<TForm>
{
    public required TForm Form { get; init; }
    public long Id { get; init; }
    public int FiscalYear { get; init; }
    public long? DepartmentId { get; init; }
    /// <summary>The form's project; none for a department's overall form.</summary>
    public long? ProjectId { get; init; }
    /// <summary>The unit (or department) that fills the form.</summary>
    public long OrgUnitId { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Unit { get; init; } = "";
    public decimal Budget { get; init; }
    public DateTime UpdatedAtUtc { get; init; }
    /// <summary>The list's own urgency (monitoring: red 0, yellow 1, blue 2, green 3); 0 elsewhere.</summary>
    public int Rank { get; init; }
}

public sealed record FormPage<TRow>(IReadOnlyList<TRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record Choice(long Id, string Name);

/// <summary>The departments and funding divisions a list can be filtered by.</summary>
public sealed record FormChoices(IReadOnlyList<Choice> Departments, IReadOnlyList<Choice> Divisions);

/// <summary>The one list query of forms: the filters every list shares, the sort, one count and one page query.</summary>
public static class FormList
{
    /// <summary>
    /// The items waiting for the user in any of their roles: in a state where the chain lets one of them move it on (the
    /// filler's drafts and returned items, each reviewer's step). Read off the table as, per subject, the states that wait —
    /// <c>(Subject = s AND (State = a OR State = b …)) OR …</c>, constants EF Core translates on every provider.
    /// </summary>
    public static IQueryable<T> Waiting<T, TState, TAction>(IQueryable<T> items, ReviewChain<TState, TAction> chain, AccessScope scope)
        where T : class, IReviewed<TState> where TState : struct, Enum where TAction : struct, Enum
    {
        var item = Expression.Parameter(typeof(T), "item");
        var subject = Expression.Property(item, nameof(IReviewed<TState>.Subject));
        var state = Expression.Property(item, nameof(IReviewed<TState>.State));
        var clauses = chain.Awaiting(scope.Roles)
            .Select(w => (Expression)Expression.AndAlso(Expression.Equal(subject, Expression.Constant(w.Subject)),
                w.States.Select(s => (Expression)Expression.Equal(state, Expression.Constant(s))).Aggregate(Expression.OrElse)))
            .ToList();
        var waiting = clauses.Count > 0 ? clauses.Aggregate(Expression.OrElse) : Expression.Constant(false);
        return items.Where(Expression.Lambda<Func<T, bool>>(waiting, item));
    }

    /// <summary>
    /// The forms with the names of their project and unit, joined in the same query: 项目代码 and name of the project, or for a
    /// department's overall form the department's name and <paramref name="overall"/>.
    /// </summary>
    /// <param name="overall">what follows a department's name for its overall form (（部门整体）, 部门整体绩效目标)</param>
    public static IQueryable<Listed<TForm>> Named<TForm>(JixiaoDbContext db, IQueryable<Listed<TForm>> forms, string overall) =>
        from x in forms
        join p in db.Projects on x.ProjectId equals p.Id into ps
        from p in ps.DefaultIfEmpty()
        join o in db.OrgUnits on x.OrgUnitId equals o.Id into os
        from o in os.DefaultIfEmpty()
        select new Listed<TForm>
        {
            Form = x.Form, Id = x.Id, FiscalYear = x.FiscalYear, DepartmentId = x.DepartmentId, ProjectId = x.ProjectId, OrgUnitId = x.OrgUnitId,
            Code = p != null ? p.Code : "", Name = p != null ? p.Name : (o != null ? o.Name : "") + EF.Constant(overall),
            Unit = o != null ? o.Name : "", Budget = x.Budget, UpdatedAtUtc = x.UpdatedAtUtc, Rank = x.Rank,
        };

    /// <param name="unfiltered">how many forms <paramref name="forms"/> holds, when the caller has counted them already (an
    /// inbox's tab counts): without a search or filter it is the total, and the count with its joins is not run again</param>
    public static async Task<FormPage<TRow>> PageAsync<TForm, TRow>(JixiaoDbContext db, IQueryable<Listed<TForm>> forms, FormQuery q,
        Expression<Func<Listed<TForm>, TRow>> row, CancellationToken ct, int? unfiltered = null)
    {
        var filtered = !string.IsNullOrWhiteSpace(q.Q) || q.Department is not null || q.Division is not null;
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var k = q.Q.Trim();
            forms = forms.Where(x => x.Code.Contains(k) || x.Name.Contains(k) || x.Unit.Contains(k));
        }
        if (q.Department is { } department) forms = forms.Where(x => x.DepartmentId == department);
        if (q.Division is { } division)
            forms = forms.Where(x => db.DivisionAssignments.Any(a => a.DivisionId == division && a.FiscalYear == x.FiscalYear && a.DepartmentId == x.DepartmentId));
        var total = !filtered && unfiltered is { } known ? known : await forms.CountAsync(ct);
        var pageSize = Math.Clamp(q.PageSize ?? 50, 10, 500);
        var page = Math.Clamp(q.PageNumber ?? 1, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        // The page's ids are chosen first, sorted and sliced on what the sort (and a search) needs, and only those forms are then read with
        // their names and the row's own subqueries: one statement, "Id IN (… ORDER BY … LIMIT … OFFSET …)". Sliced directly, PostgreSQL
        // joined the names and ran the row's subqueries for every form before the page too (2,950 forms for the last page of a
        // 2,936-form inbox: 35,000 buffer reads against 12,500 now, whatever the page). Same rows, same order (the ids are unique).
        var ids = Sorted(forms, q).Skip((page - 1) * pageSize).Take(pageSize).Select(x => x.Id);
        var rows = await Sorted(forms.Where(x => ids.Contains(x.Id)), q).Select(row).ToListAsync(ct);
        return new FormPage<TRow>(rows, total, page, pageSize);
    }

    private static IQueryable<Listed<TForm>> Sorted<TForm>(IQueryable<Listed<TForm>> forms, FormQuery q) => (q.Sort ?? FormSort.Default, q.Desc ?? false) switch
    {
        (FormSort.Code, false) => forms.OrderBy(x => x.Code).ThenBy(x => x.Id),
        (FormSort.Code, true) => forms.OrderByDescending(x => x.Code).ThenBy(x => x.Id),
        (FormSort.Budget, false) => forms.OrderBy(x => x.Budget).ThenBy(x => x.Id),
        (FormSort.Budget, true) => forms.OrderByDescending(x => x.Budget).ThenBy(x => x.Id),
        (FormSort.Unit, false) => forms.OrderBy(x => x.Unit).ThenBy(x => x.Code).ThenBy(x => x.Id),
        (FormSort.Unit, true) => forms.OrderByDescending(x => x.Unit).ThenBy(x => x.Code).ThenBy(x => x.Id),
        (FormSort.Updated, false) => forms.OrderBy(x => x.UpdatedAtUtc).ThenBy(x => x.Id),
        (FormSort.Updated, true) => forms.OrderByDescending(x => x.UpdatedAtUtc).ThenBy(x => x.Id),
        _ => forms.OrderBy(x => x.Rank).ThenByDescending(x => x.Budget).ThenBy(x => x.Id),
    };

    /// <summary>The departments in the user's scope and the business divisions of their regions.</summary>
    public static async Task<FormChoices> ChoicesAsync(JixiaoDbContext db, CancellationToken ct)
    {
        var departments = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgKind.Department).OrderBy(o => o.Code)
            .Select(o => new Choice(o.Id, o.Name)).ToListAsync(ct);
        var divisions = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgKind.Division && o.DivisionKind == DivisionKind.Business)
            .OrderBy(o => o.Code).Select(o => new Choice(o.Id, o.Name)).ToListAsync(ct);
        return new FormChoices(departments, divisions);
    }
}
