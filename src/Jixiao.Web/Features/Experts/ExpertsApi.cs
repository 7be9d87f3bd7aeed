using Jixiao.Domain.Experts;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Experts;

public static class ExpertsApi
{
    public static RouteGroupBuilder MapExpertsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/experts").WithTags("专家库").RequireAuthorization(Policies.ExpertPool);
        var keeper = Policies.For(Role.PerformanceDivision);
        group.MapGet("/", async Task<Ok<FormPage<Expert>>> (string? q, string? field, ExpertStatus? status, int? page, int? pageSize, JixiaoDbContext db,
                CancellationToken ct) => TypedResults.Ok(await ExpertWork.SearchAsync(db, q, field, status, page ?? 1, pageSize ?? 50, ct)))
            .WithName("ListExperts")
            .WithSummary("专家库：按姓名或工作单位关键字、行业领域代码、状态检索（财政看本区划全部；专家账号只看到本人）");
        group.MapGet("/{id:long}", async Task<Results<Ok<Expert>, NotFound>> (long id, JixiaoDbContext db, CancellationToken ct) =>
                await ExpertWork.FindAsync(db, id, ct) is { } expert ? TypedResults.Ok(expert) : TypedResults.NotFound())
            .WithName("GetExpert")
            .WithSummary("专家详情：行业领域、职称、工作单位、回避单位和人员、状态、联系方式");
        group.MapPost("/", async Task<Created<Expert>> (ExpertDetails details, JixiaoDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var expert = await ExpertWork.CreateAsync(db, user, details, ct);
                return TypedResults.Created($"/api/experts/{expert.Id}", expert);
            })
            .RequireAuthorization(keeper)
            .WithName("CreateExpert")
            .WithSummary("专家入库（绩效股）：行业领域按指标库的领域代码；本县单位与回避单位须为本区划的单位；同一姓名和联系电话不能重复登记");
        group.MapPut("/{id:long}", async Task<Results<Ok<Expert>, NotFound>> (long id, ExpertDetails details, JixiaoDbContext db, CancellationToken ct) =>
                await ExpertWork.UpdateAsync(db, id, details, ct) is { } expert ? TypedResults.Ok(expert) : TypedResults.NotFound())
            .RequireAuthorization(keeper)
            .WithName("UpdateExpert")
            .WithSummary("修改专家信息与回避名单（绩效股）");
        group.MapPost("/{id:long}/status", async Task<Results<Ok<Expert>, NotFound>> (long id, ExpertStatusChange change, JixiaoDbContext db,
                CancellationToken ct) =>
                await ExpertWork.ChangeStatusAsync(db, id, change, ct) is { } expert ? TypedResults.Ok(expert) : TypedResults.NotFound())
            .RequireAuthorization(keeper)
            .WithName("ChangeExpertStatus")
            .WithSummary("暂停、退出专家库或恢复在库（写明理由）；退出后不能恢复，重新入库须新建记录");
        group.MapGet("/sheet", async (JixiaoDbContext db, CancellationToken ct) =>
                TypedResults.File(await ExpertSheet.ExportAsync(db, ct), FileTypes.Xlsx, "专家库.xlsx"))
            .RequireAuthorization(Policies.FinanceStaff)
            .ProducesFile(FileTypes.Xlsx)
            .WithName("ExportExperts")
            .WithSummary("导出专家库（xlsx）：专家信息、行业领域、回避单位和人员、状态；可修改后导入");
        group.MapPost("/sheet", ImportExperts)
            .RequireAuthorization(keeper)
            .DisableAntiforgery()
            .WithName(nameof(ImportExperts))
            .WithSummary("导入专家（xlsx、xls、csv，按导出格式）：按姓名和联系电话新增或更新；任何一行有错则全部不写入，并逐行逐列说明");
        return api;
    }

    private static async Task<Results<Ok<RegisterImportReport>, UnprocessableEntity<RegisterImportReport>>> ImportExperts(IFormFile file,
        JixiaoDbContext db, CurrentUser user, IOptions<UploadLimits> limits, CancellationToken ct)
    {
        var report = await ExpertSheet.ImportAsync(db, user, file.FileName, await Uploads.ReadAsync(file, limits.Value, ct), limits.Value, ct);
        return report.Committed ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }
}
