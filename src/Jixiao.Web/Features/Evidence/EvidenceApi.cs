using Jixiao.Domain.Evidence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Jixiao.Web.Features.Evidence;

public static class EvidenceApi
{
    public static RouteGroupBuilder MapEvidenceApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/evidence").WithTags("附件").RequireAuthorization(Policies.EvidenceParties);
        foreach (var owner in EvidenceOwners.All)
        {
            var kind = owner.Kind;
            group.MapPost($"/{owner.Segment}/{{id:long}}", async Task<Results<Created<EvidenceItem>, NotFound>> (long id, IFormFile file, [FromForm] string? note,
                    JixiaoDbContext db, IEvidenceStore store, CurrentUser user, IOptions<EvidenceLimits> limits, TimeProvider clock, CancellationToken ct) =>
                {
                    await using var content = file.OpenReadStream();
                    return await EvidenceWork.UploadAsync(db, store, user, limits.Value, kind, id, file.FileName, content, note, clock.GetUtcNow().UtcDateTime, ct)
                        is { } item ? TypedResults.Created($"/api/evidence/files/{item.Id}", item) : TypedResults.NotFound();
                })
                .DisableAntiforgery()
                .WithName($"Upload{kind}Evidence")
                .WithSummary($"为{kind.Label()}上传附件（multipart：file，可选 note 说明）：按内容识别 PDF、PNG、JPEG、docx、xlsx 或只含这些文件的 zip，" +
                             "默认不超过 50 MB；记录 SHA-256。只有填报单位和审核人员可在表单未锁定时上传；失败时不留下任何数据");
            group.MapGet($"/{owner.Segment}/{{id:long}}", async Task<Results<Ok<EvidenceList>, NotFound>> (long id, JixiaoDbContext db, CurrentUser user,
                    CancellationToken ct) =>
                    await EvidenceWork.ListAsync(db, user, kind, id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound())
                .WithName($"List{kind}Evidence")
                .WithSummary($"{kind.Label()}的附件（未删除的），及当前用户能否上传、能否删除每个附件");
        }

        group.MapGet("/files/{id:long}", DownloadEvidence)
            .ProducesFile(FileTypes.Pdf, "image/png", "image/jpeg", FileTypes.Docx, FileTypes.Xlsx, "application/zip")
            .WithName(nameof(DownloadEvidence))
            .WithSummary("下载附件：分块流式发送；ETag 与 Repr-Digest 为保存时记录的 SHA-256；每次下载记入审计日志。看不到所属表单的用户得到 404");
        group.MapDelete("/files/{id:long}", async Task<Results<NoContent, NotFound>> (long id, JixiaoDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                await EvidenceWork.DeleteAsync(db, user, id, clock.GetUtcNow().UtcDateTime, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("DeleteEvidence")
            .WithSummary("删除附件（标记删除，内容保留备查）：上传人或财政业务股室、绩效股，在所属表单未锁定时");
        return api;
    }

    private static async Task<Results<PushStreamHttpResult, NotFound>> DownloadEvidence(long id, HttpContext http, JixiaoDbContext db, IEvidenceStore store,
        CancellationToken ct)
    {
        if (await EvidenceWork.OpenAsync(db, id, ct) is not { } file) return TypedResults.NotFound();
        Send(http.Response, file);
        return TypedResults.Stream(body => store.CopyToAsync(file.Id, body, ct), ContentType(file.Kind), file.FileName,
            entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    /// <summary>The headers of a file sent, beside the name (RFC 5987 <c>filename*</c>, set by the result) and the ETag.</summary>
    public static void Send(HttpResponse response, EvidenceFile file)
    {
        response.ContentLength = file.Size;
        response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(file.Sha256))}:";
        response.Headers.CacheControl = "private, no-store";
    }

    public static string ContentType(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Pdf => FileTypes.Pdf,
        EvidenceKind.Png => "image/png",
        EvidenceKind.Jpeg => "image/jpeg",
        EvidenceKind.Docx => FileTypes.Docx,
        EvidenceKind.Xlsx => FileTypes.Xlsx,
        _ => "application/zip",
    };
}
