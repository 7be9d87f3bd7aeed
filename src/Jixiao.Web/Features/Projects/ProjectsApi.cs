using Jixiao.Domain.Budget;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Features.Projects;

public static class ProjectsApi
{
    public static RouteGroupBuilder MapProjectsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects").WithTags("项目库与预算台账").RequireAuthorization(Access.Policies.BusinessStaff);
        group.MapGet("/", ListProjects)
            .WithName(nameof(ListProjects))
            .WithSummary("项目列表：按部门、单位、预算类型与资金标签、类别、级次、状态、金额区间（万元）、关键字筛选；服务器端分页排序。金额为截至 asOf 的台账推算数。");
        group.MapGet("/{id:long}", async Task<Results<Ok<ProjectDetail>, NotFound>> (long id, DateOnly? asOf, JixiaoDbContext db, BusinessClock calendar, CancellationToken ct) =>
                await ProjectLedger.LoadAsync(db, id, asOf, calendar.Today, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound())
            .WithName("GetProject")
            .WithSummary("项目详情：截至 asOf 的年初预算数、全年预算数、执行数、执行率、时间进度，及其背后的每一笔指标变动和支付");
        group.MapGet("/{id:long}/holds", async Task<Results<Ok<IReadOnlyList<PaymentHoldView>>, NotFound>> (long id, JixiaoDbContext db, BusinessClock calendar,
                CancellationToken ct) =>
                await db.Projects.AnyAsync(p => p.Id == id, ct) ? TypedResults.Ok(await PaymentHolds.ForProjectAsync(db, id, calendar.Today, ct)) : TypedResults.NotFound())
            .WithName("ListPaymentHolds")
            .WithSummary("项目的暂缓拨付：开始日期、金额、文号、理由，是否已解除（解除日期、理由）；暂缓期间的支付导入被拒绝");
        group.MapPost("/holds/{holdId:long}/release", async Task<Results<Ok<PaymentHoldView>, NotFound>> (long holdId, ReleaseHoldRequest request,
                JixiaoDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                await PaymentHolds.ReleaseAsync(db, user, holdId, request, clock.GetUtcNow().UtcDateTime, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .RequireAuthorization(Access.Policies.For(Role.PerformanceDivision))
            .WithName("ReleasePaymentHold")
            .WithSummary("解除暂缓拨付（绩效股，写明理由）：自解除日期（默认今天）起的支付可以导入；暂缓期间的支付仍被拒绝");
        group.MapGet("/pools", ListPools)
            .RequireAuthorization(Access.Policies.FinanceStaff)
            .WithName(nameof(ListPools))
            .WithSummary("待分资金：每个资金池的年初数、已分配、余额及每一笔分配（接收项目、单位、文件号）");
        return api;
    }

    private static async Task<Ok<ProjectPage>> ListProjects([AsParameters] ProjectListQuery q, JixiaoDbContext db, ProjectListCache cache,
        BusinessClock calendar, CancellationToken ct)
    {
        var year = q.Year ?? calendar.Year;
        var asOf = q.AsOf ?? ProjectQueries.DefaultAsOf(year, calendar.Today);
        return TypedResults.Ok(await ProjectQueries.PageAsync(db, q.ToFilter(year), asOf, cache, ct));
    }

    private static async Task<Ok<List<PoolView>>> ListPools(int? year, DateOnly? asOf, JixiaoDbContext db, BusinessClock calendar, CancellationToken ct)
    {
        var y = year ?? calendar.Year;
        return TypedResults.Ok(await PoolQueries.ListAsync(db, y, asOf ?? ProjectQueries.DefaultAsOf(y, calendar.Today), ct));
    }
}

/// <summary>Query-string parameters of the project list (API and page share <see cref="ProjectFilter"/>).</summary>
public sealed record ProjectListQuery(
    string? Region, int? Year, long? DepartmentId, long? UnitId, BudgetKind? BudgetKind, TransferLevel? Transfer, FundTags? Tag,
    ProjectCategory? Category, ProjectLevel? Level, LibraryStatus? Status, bool? Pool, decimal? MinWan, decimal? MaxWan,
    string? Keyword, ProjectSort? Sort, bool? Descending, int? Page, int? PageSize, DateOnly? AsOf)
{
    public ProjectFilter ToFilter(int year) => new(Region, year, DepartmentId, UnitId, BudgetKind, Transfer, Tag, Category, Level, Status,
        Pool, MinWan, MaxWan, Keyword, Sort ?? ProjectSort.Code, Descending ?? false, Page ?? 1, PageSize ?? 50);
}
