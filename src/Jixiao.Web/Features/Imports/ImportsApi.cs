using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jixiao.Web.Features.Imports;

public static class ImportsApi
{
    public static RouteGroupBuilder MapImportsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/imports").WithTags("一体化数据导入").RequireAuthorization(Policies.For(Role.PerformanceDivision));
        group.MapPost("/", UploadImport)
            .DisableAntiforgery()
            .WithName(nameof(UploadImport))
            .WithSummary("上传项目 / 指标变动 / 支付文件（xlsx、xls、csv）。commit=false 只校验预览；commit=true 全部无误时一次性写入，否则不写入任何数据。重复导入同一文件不产生变化。");
        group.MapPost("/{id:long}/commit", async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, NotFound>> (long id, ImportService imports, CancellationToken ct) =>
                await imports.CommitAsync(id, ct) switch
                {
                    null => TypedResults.NotFound(),
                    { Committed: true } report => TypedResults.Ok(report),
                    var report => TypedResults.UnprocessableEntity(report),
                })
            .WithName("CommitImport")
            .WithSummary("确认导入已预览的文件（重新校验后写入）");
        group.MapGet("/", async Task<Ok<List<ImportBatchRow>>> (ImportService imports, CancellationToken ct) => TypedResults.Ok(await imports.RecentAsync(ct)))
            .WithName("ListImports")
            .WithSummary("最近的导入记录");
        return api;
    }

    private static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>>> UploadImport([FromForm] ImportKind kind,
        [FromForm] int fiscalYear, [FromForm] string? regionCode, [FromForm] bool? commit, IFormFile file, ImportService imports, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        var report = await imports.UploadAsync(kind, regionCode, fiscalYear, file.FileName, stream, commit ?? false, ct);
        return report.CanCommit ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }
}
