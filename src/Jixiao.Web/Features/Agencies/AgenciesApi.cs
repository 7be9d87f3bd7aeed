using Jixiao.Domain.Agencies;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Agencies;

public static class AgenciesApi
{
    public static RouteGroupBuilder MapAgenciesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/agencies").WithTags("第三方机构库").RequireAuthorization(Policies.AgencyRegister);
        var keeper = Policies.For(Role.PerformanceDivision);
        group.MapGet("/", async Task<Ok<FormPage<Agency>>> (string? q, AgencyType? type, AgencyStatus? status, int? page, int? pageSize, JixiaoDbContext db,
                CancellationToken ct) => TypedResults.Ok(await AgencyWork.SearchAsync(db, q, type, status, page ?? 1, pageSize ?? 50, ct)))
            .WithName("ListAgencies")
            .WithSummary("第三方机构库：按名称或信用代码关键字、机构类型、状态检索（财政看本区划全部；机构账号只看到本机构）");
        group.MapGet("/{id:long}", async Task<Results<Ok<Agency>, NotFound>> (long id, JixiaoDbContext db, CancellationToken ct) =>
                await AgencyWork.FindAsync(db, id, ct) is { } agency ? TypedResults.Ok(agency) : TypedResults.NotFound())
            .WithName("GetAgency")
            .WithSummary("机构详情：资质、状态及期限、利益冲突、年度考核");
        group.MapPost("/", async Task<Created<Agency>> (AgencyDetails details, JixiaoDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var agency = await AgencyWork.CreateAsync(db, user, details, ct);
                return TypedResults.Created($"/api/agencies/{agency.Id}", agency);
            })
            .RequireAuthorization(keeper)
            .WithName("CreateAgency")
            .WithSummary("登记第三方机构（绩效股）：统一社会信用代码按 GB 32100 校验，本区划内不能重复");
        group.MapPut("/{id:long}", async Task<Results<Ok<Agency>, NotFound>> (long id, AgencyDetails details, JixiaoDbContext db, CancellationToken ct) =>
                await AgencyWork.UpdateAsync(db, id, details, ct) is { } agency ? TypedResults.Ok(agency) : TypedResults.NotFound())
            .RequireAuthorization(keeper)
            .WithName("UpdateAgency")
            .WithSummary("修改机构信息与资质（绩效股）");
        group.MapPost("/{id:long}/status", async Task<Results<Ok<Agency>, NotFound>> (long id, AgencyStatusChange change, JixiaoDbContext db,
                BusinessClock calendar, CancellationToken ct) =>
                await AgencyWork.ChangeStatusAsync(db, id, change, calendar.Today, ct) is { } agency ? TypedResults.Ok(agency) : TypedResults.NotFound())
            .RequireAuthorization(keeper)
            .WithName("ChangeAgencyStatus")
            .WithSummary("暂停、列入黑名单（写明理由，起止日期；截止日期为空表示长期）或恢复在库（黑名单期满后）");
        group.MapPost("/{id:long}/conflicts", async Task<Results<Ok<Agency>, NotFound>> (long id, ConflictInput input, JixiaoDbContext db,
                CancellationToken ct) =>
                await AgencyWork.AddConflictAsync(db, id, input, ct) is { } agency ? TypedResults.Ok(agency) : TypedResults.NotFound())
            .RequireAuthorization(keeper)
            .WithName("AddAgencyConflict")
            .WithSummary("登记利益冲突：机构为其审计或咨询的单位/部门及期间，期间内不得评价该单位");
        group.MapDelete("/{id:long}/conflicts/{conflictId:long}", async Task<Results<Ok<Agency>, NotFound>> (long id, long conflictId, JixiaoDbContext db,
                CancellationToken ct) =>
                await AgencyWork.RemoveConflictAsync(db, id, conflictId, ct) is { } agency ? TypedResults.Ok(agency) : TypedResults.NotFound())
            .RequireAuthorization(keeper)
            .WithName("RemoveAgencyConflict")
            .WithSummary("删除误登记的利益冲突（已结束的冲突请保留，填写截止日期）");
        group.MapPost("/ratings/{year:int}", async Task<Ok<IReadOnlyList<AgencyYearRating>>> (int year, JixiaoDbContext db, CurrentUser user, CancellationToken ct) =>
                TypedResults.Ok(await AgencyWork.RateAsync(db, user, year, ct)))
            .RequireAuthorization(keeper)
            .WithName("RateAgencies")
            .WithSummary("年度评级（绩效股）：按该年度委托的报告质量得分平均与阶段按期确认比例加权（按该年度设置，默认 0.8 / 0.2）计算每家机构的评级并记入机构库，返回每家的得分、等级和计算说明；没有已考核报告的机构不评级。评级低于下一年度最低评级分的机构不参加下一年度抽签");
        group.MapGet("/sheet", async (JixiaoDbContext db, CancellationToken ct) =>
                TypedResults.File(await AgencySheet.ExportAsync(db, ct), FileTypes.Xlsx, "第三方机构库.xlsx"))
            .RequireAuthorization(Policies.FinanceStaff)
            .ProducesFile(FileTypes.Xlsx)
            .WithName("ExportAgencies")
            .WithSummary("导出第三方机构库（xlsx）：机构信息、资质范围、状态、利益冲突、最近年度考核；可修改后导入");
        group.MapPost("/sheet", ImportAgencies)
            .RequireAuthorization(keeper)
            .DisableAntiforgery()
            .WithName(nameof(ImportAgencies))
            .WithSummary("导入第三方机构（xlsx、xls、csv，按导出格式）：按统一社会信用代码新增或更新；任何一行有错则全部不写入，并逐行逐列说明");
        return api;
    }

    private static async Task<Results<Ok<RegisterImportReport>, UnprocessableEntity<RegisterImportReport>>> ImportAgencies(IFormFile file,
        JixiaoDbContext db, CurrentUser user, IOptions<UploadLimits> limits, CancellationToken ct)
    {
        var report = await AgencySheet.ImportAsync(db, user, file.FileName, await Uploads.ReadAsync(file, limits.Value, ct), limits.Value, ct);
        return report.Committed ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }
}
