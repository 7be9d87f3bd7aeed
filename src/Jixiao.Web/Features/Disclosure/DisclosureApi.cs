using Jixiao.Domain.Disclosure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Features.Disclosure;

public sealed record ReasonsRequest(string Reasons);

public static class DisclosureApi
{
    public static RouteGroupBuilder MapDisclosureApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/disclosure").WithTags("信息公开").RequireAuthorization(Policies.FinanceStaff);
        var keeper = Policies.For(Role.PerformanceDivision);
        group.MapGet("/", async Task<Ok<DisclosureOverview>> (int? year, JixiaoDbContext db, CurrentUser user, BusinessClock calendar, CancellationToken ct) =>
                TypedResults.Ok(await DisclosureQueries.OverviewAsync(db, user, year ?? calendar.Year, ct)))
            .WithName("GetDisclosureOverview")
            .WithSummary("某年度的信息公开情况：项目绩效目标、部门整体绩效目标、绩效自评结果各自的已批复数、已公开数和公开率、待公开、不公开（按理由），按主管部门；已发布的批次");
        group.MapGet("/statistics.xlsx", async (int? year, JixiaoDbContext db, CurrentUser user, BusinessClock calendar, CancellationToken ct) =>
            {
                var (name, content) = await DisclosureQueries.ExportAsync(db, user, year ?? calendar.Year, ct);
                return TypedResults.File(content, FileTypes.Xlsx, name);
            })
            .ProducesFile(FileTypes.Xlsx)
            .WithName("ExportDisclosureStatistics")
            .WithSummary("导出某年度信息公开情况（xlsx）：各类内容及各主管部门的已批复、已公开、公开率、待公开、不公开及理由");
        group.MapGet("/items", async Task<Ok<CandidatePage>> ([AsParameters] CandidateQuery q, JixiaoDbContext db, CurrentUser user, BusinessClock calendar,
                CancellationToken ct) =>
                TypedResults.Ok(await DisclosureQueries.ItemsAsync(db, user, q, q.Year ?? calendar.Year, ct)))
            .WithName("ListDisclosureItems")
            .WithSummary("某年度某类可公开的内容（只有已批复的目标、已审核通过的自评）及其状态：待公开、新版本待公开、已公开（版本、日期）、不公开（理由）");
        group.MapPost("/batches", async Task<Ok<BatchRow>> (PublishRequest request, JixiaoDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var b = await DisclosureWork.PublishAsync(db, user, request, clock.GetUtcNow().UtcDateTime, ct);
                return TypedResults.Ok(new BatchRow(b.Id, b.Kind, b.Title, b.Items, b.PublishedOn, b.PublishedBy));
            })
            .RequireAuthorization(keeper)
            .WithName("PublishDisclosureBatch")
            .WithSummary("发布一个公开批次：该年度该类全部待公开（含调整后的新版本）、未标为不公开的内容，按发布时的内容存为公开版本；没有待公开的内容为 409");
        group.MapPost("/withholdings", async Task<Results<Ok<long>, NotFound>> (WithholdRequest request, JixiaoDbContext db, CurrentUser user, TimeProvider clock,
                CancellationToken ct) =>
                await DisclosureWork.WithholdAsync(db, user, request, clock.GetUtcNow().UtcDateTime, ct) is { } w ? TypedResults.Ok(w.Id) : TypedResults.NotFound())
            .RequireAuthorization(keeper)
            .WithName("WithholdDisclosureItem")
            .WithSummary("将一项内容标为不公开：理由取自本年度的理由清单，并写明依据；已公开的版本仍可查阅，此后不再发布");
        group.MapDelete("/withholdings/{id:long}", async Task<Results<NoContent, NotFound>> (long id, JixiaoDbContext db, CurrentUser user, CancellationToken ct) =>
                await DisclosureWork.ReleaseAsync(db, user, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .RequireAuthorization(keeper)
            .WithName("ReleaseDisclosureItem")
            .WithSummary("撤销不公开：该内容回到待公开，随下一批次发布");
        group.MapPut("/reasons", async Task<Ok<IReadOnlyList<string>>> (int? year, ReasonsRequest request, JixiaoDbContext db, CurrentUser user, TimeProvider clock,
                BusinessClock calendar, CancellationToken ct) =>
                TypedResults.Ok(await DisclosureWork.SetReasonsAsync(db, user, year ?? calendar.Year, request.Reasons, clock.GetUtcNow().UtcDateTime, ct)))
            .RequireAuthorization(keeper)
            .WithName("SetDisclosureReasons")
            .WithSummary("设置本区划某年度的不公开理由清单（一行一条，默认：涉及国家秘密、依申请公开、涉及商业秘密、涉及个人隐私、其他法定不予公开情形）");
        return api;
    }
}
