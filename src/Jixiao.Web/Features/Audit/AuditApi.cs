using Jixiao.Domain.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Features.Audit;

public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/audit").WithTags("审计日志").RequireAuthorization(Policies.For(Role.AuditAdmin));
        group.MapGet("/", async Task<Ok<AuditPage>> (JixiaoDbContext db, string? region, string? user, string? entityType,
                AuditAction? action, DateOnly? from, DateOnly? to, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await AuditQueries.PageAsync(db, new AuditFilter(region, user, entityType, action, from, to, page ?? 1, pageSize ?? 50), ct)))
            .WithName("ListAuditEntries")
            .WithSummary("查询审计日志（仅审计管理员，限本人管辖区划）");
        group.MapGet("/verify", async Task<Ok<AuditVerification>> (JixiaoDbContext db, string? region, CancellationToken ct) =>
            TypedResults.Ok(await AuditVerifier.VerifyAsync(db, ct, region)))
            .WithName("VerifyAuditLog")
            .WithSummary("校验审计日志哈希链（只校验本人可读区划的链）");
        group.MapGet("/export", ExportAuditLog)
            .ProducesFile(FileTypes.Xlsx, FileTypes.Csv)
            .WithName(nameof(ExportAuditLog))
            .WithSummary("导出审计日志（日期范围按北京时间，含两端；format=xlsx|csv；限本人管辖区划）");
        return api;
    }

    private static IResult ExportAuditLog(JixiaoDbContext db, HttpContext http, DateOnly? from, DateOnly? to, string? format)
    {
        var request = AuditExport.Parse(from, to, format);
        return request.Csv
            ? TypedResults.Stream(body => AuditExport.WriteCsvAsync(db, request, body, http.RequestAborted), FileTypes.Csv + "; charset=utf-8", request.FileName)
            : new XlsxExportResult(db, request);
    }
}

/// <summary>Writes the workbook when the response is sent (its file is deleted afterwards).</summary>
internal sealed class XlsxExportResult(JixiaoDbContext db, AuditExport.Request request) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        await using var file = await AuditExport.WriteXlsxAsync(db, request, context.RequestAborted);
        await TypedResults.File(file, FileTypes.Xlsx, request.FileName).ExecuteAsync(context);
    }
}
