using Jixiao.Domain.Organisation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Features.Organisation;

public sealed record RegionDto(string Code, string Name, string? ParentCode, RegionLevel Level);
public sealed record OrgUpdate(string Code, string Name, bool IsActive);

public static class OrganisationApi
{
    public static RouteGroupBuilder MapOrganisationApi(this RouteGroupBuilder api)
    {
        var regions = api.MapGroup("/regions").WithTags("区划与机构");
        regions.MapGet("/", async Task<Ok<List<RegionDto>>> (JixiaoDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Regions.AsNoTracking().OrderBy(r => r.Code)
                .Select(r => new RegionDto(r.Code, r.Name, r.ParentCode, r.Level)).ToListAsync(ct)))
            .WithName("ListRegions")
            .WithSummary("当前用户可见的财政区划");

        var orgs = api.MapGroup("/orgs").WithTags("区划与机构");
        orgs.MapGet("/", async Task<Ok<List<OrgDto>>> (JixiaoDbContext db, string? region, OrgKind? kind, string? keyword, CancellationToken ct) =>
            TypedResults.Ok(await OrganisationQueries.ListAsync(db, region, kind, keyword, ct)))
            .WithName("ListOrgs")
            .WithSummary("机构列表（按权限范围过滤）");
        orgs.MapGet("/{id:long}", async Task<Results<Ok<OrgDetailDto>, NotFound>> (long id, int? year, JixiaoDbContext db, BusinessClock calendar, CancellationToken ct) =>
            await OrganisationQueries.DetailAsync(db, id, year ?? calendar.Year, ct) is { } detail
                ? TypedResults.Ok(detail)
                : TypedResults.NotFound())
            .WithName("GetOrg")
            .WithSummary("机构详情；不在权限范围内的机构返回 404");
        orgs.MapPost("/", CreateOrg)
            .RequireAuthorization(Policies.For(Role.SystemAdmin))
            .WithName(nameof(CreateOrg))
            .WithSummary("新增机构（系统管理员）");
        orgs.MapPut("/{id:long}", async Task<Results<NoContent, NotFound>> (long id, OrgUpdate update, JixiaoDbContext db, CancellationToken ct) =>
                await SaveOrg.UpdateAsync(db, id, update.Code, update.Name, update.IsActive, ct) is null ? TypedResults.NotFound() : TypedResults.NoContent())
            .RequireAuthorization(Policies.For(Role.SystemAdmin))
            .WithName("UpdateOrg")
            .WithSummary("修改机构编码、名称、启用状态（系统管理员）");
        return api;
    }

    private static async Task<Created<OrgDto>> CreateOrg(SaveOrg.Command command, JixiaoDbContext db, CancellationToken ct)
    {
        var org = await SaveOrg.CreateAsync(db, command, ct);
        var dto = OrganisationQueries.WithLabel(new OrgDto(org!.Id, org.RegionCode, org.Code, org.Name, org.Kind, "", org.DivisionKind, org.ParentId, null, org.IsActive));
        return TypedResults.Created($"/api/orgs/{org.Id}", dto);
    }
}
