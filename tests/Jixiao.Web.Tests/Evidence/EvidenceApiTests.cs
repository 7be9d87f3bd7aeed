using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Jixiao.Domain.Audit;
using Jixiao.Domain.Evidence;
using Jixiao.Domain.Targets;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Evidence;
using Jixiao.Web.Tests.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.Evidence;

/// <summary>
/// Evidence files through the API on both databases: what goes up comes down byte for byte with its SHA-256; files that are not
/// what they claim, too big or zip bombs are refused in Chinese naming the file; another unit or county gets 404; a failed
/// upload leaves no row; uploads, downloads and deletes are in the audit trail.
/// </summary>
public sealed class EvidenceApiTests(DemoApps apps) : IClassFixture<DemoApps>
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    /// <summary>A draft of 第一中学 (yizhong's unit) of its own, so each test attaches to a record no other test touches.</summary>
    private static Task<long> DraftTargetAsync(JixiaoApp app, string code) =>
        app.AsSystemAsync<SystemDbContext, long>(async db =>
        {
            var unit = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10602");
            var year = app.Services.GetRequiredService<Web.Features.Shared.BusinessClock>().Year;
            var project = TestProjects.Budgeted(unit, year, code, "附件测试项目" + code);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            var target = PerformanceTarget.ForProject(project, DateTime.UtcNow);
            db.Targets.Add(target);
            await db.SaveChangesAsync();
            return target.Id;
        });

    private static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static MultipartFormDataContent Form(string fileName, byte[] content, string? note = null)
    {
        var form = new MultipartFormDataContent();
        if (note is not null) form.Add(new StringContent(note), "note");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    private static async Task<EvidenceItem> UploadAsync(HttpClient client, long targetId, string fileName, byte[] content)
    {
        using var response = await client.PostAsync($"/api/evidence/targets/{targetId}", Form(fileName, content, "现场核查"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadJsonAsync<EvidenceItem>())!;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Upload_ThenDownload_SameBytesAndSha256_AndBothAudited(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var target = await DraftTargetAsync(app, "EV01");
        using var unit = await app.ClientForAsync("yizhong");
        var content = Pdf(3 * EvidenceStore.ChunkBytes + 12_345);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));

        var item = await UploadAsync(unit, target, "现场核查报告", content);
        Assert.Equal(("现场核查报告.pdf", EvidenceKind.Pdf, content.Length, sha), (item.FileName, item.Kind, (int)item.Size, item.Sha256));

        var list = (await unit.GetJsonAsync<EvidenceList>($"/api/evidence/targets/{target}"))!;
        Assert.True(list.MayAttach);
        Assert.Equal([item.Id], list.Files.Select(f => f.Id));

        using var download = await unit.GetAsync($"/api/evidence/files/{item.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("现场核查报告.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal($"\"{sha}\"", download.Headers.ETag?.Tag);
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(content))}:", download.Headers.GetValues("Repr-Digest").Single());

        var audited = await app.AsSystemAsync<SystemDbContext, List<(AuditAction, string?)>>(async db =>
            (await db.AuditEntries.Where(a => a.EntityType == nameof(EvidenceFile) && a.EntityId == item.Id.ToString())
                .Select(a => new { a.Action, a.UserName }).ToListAsync()).Select(a => (a.Action, (string?)a.UserName)).ToList());
        Assert.Contains((AuditAction.Create, "yizhong"), audited);
        Assert.Contains((AuditAction.Downloaded, "yizhong"), audited);
        Assert.Empty(await app.AsSystemAsync<SystemDbContext, List<string>>(db =>
            db.AuditEntries.Where(a => a.EntityType == nameof(EvidenceChunk)).Select(a => a.EntityType).ToListAsync()));
    }

    public static TheoryData<DatabaseProvider, string> Refusals()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
            foreach (var what in new[] { "exe", "oversized", "bomb" })
                data.Add(provider, what);
        return data;
    }

    [Theory, MemberData(nameof(Refusals))]
    public async Task Upload_BadFile_RefusedInChineseNamingTheFile_AndLeavesNothing(DatabaseProvider provider, string what)
    {
        var app = await apps.GetAsync(provider);
        var target = await DraftTargetAsync(app, "EV-" + what);
        using var unit = await app.ClientForAsync("yizhong");
        var (name, content, expected) = what switch
        {
            "exe" => ("工程照片.jpg", new byte[] { 0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0 }, "附件《工程照片.jpg》不是允许的类型：请上传 PDF、图片"),
            "oversized" => ("大文件.pdf", Pdf(50 * 1024 * 1024 + 1), "附件《大文件.pdf》超过 50 MB 的上限"),
            _ => ("材料.zip", Bomb(), "附件《材料.zip》中的“说明.pdf”解压后有 1024 MB，超过每部分 50 MB 的上限，未上传。它可能是“压缩炸弹”"),
        };
        using var response = await unit.PostAsync($"/api/evidence/targets/{target}", Form(name, content));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        ImportFiles.AssertChinese(body, expected);
        Assert.Equal(0, await app.AsSystemAsync<SystemDbContext, int>(db => db.EvidenceFiles.CountAsync(f => f.OwnerId == target)));
    }

    /// <summary>1 GiB of one PDF-looking entry in a zip of about 1 MB.</summary>
    private static byte[] Bomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("说明.pdf", CompressionLevel.SmallestSize).Open();
            var block = new byte[1 << 20];
            "%PDF-"u8.CopyTo(block);
            for (var i = 0; i < 1024; i++)
            {
                entry.Write(block);
                block.AsSpan(0, 5).Clear();
            }
        }
        return stream.ToArray();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task OtherUnitOrCounty_GetsNotFound_OnListDownloadAndDelete(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var target = await DraftTargetAsync(app, "EV02");
        using var unit = await app.ClientForAsync("yizhong");
        var item = await UploadAsync(unit, target, "合同.pdf", Pdf(2000));
        foreach (var stranger in new[] { "shiyan", "lc.perf", "lc.unit" })
        {
            using var client = await app.ClientForAsync(stranger);
            foreach (var (method, url) in new[] { (HttpMethod.Get, $"/api/evidence/targets/{target}"), (HttpMethod.Get, $"/api/evidence/files/{item.Id}"),
                         (HttpMethod.Delete, $"/api/evidence/files/{item.Id}") })
            {
                using var response = await client.SendAsync(new HttpRequestMessage(method, url));
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{stranger} {method} {url}: {(int)response.StatusCode}");
            }
            using var upload = await client.PostAsync($"/api/evidence/targets/{target}", Form("x.pdf", Pdf(100)));
            Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        }
        // The department's reviewer sees the unit's file; the uploader deletes it, and then it is gone for everyone.
        using var edu = await app.ClientForAsync("edu");
        Assert.Equal(HttpStatusCode.OK, (await edu.GetAsync($"/api/evidence/files/{item.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await edu.DeleteAsync($"/api/evidence/files/{item.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await unit.DeleteAsync($"/api/evidence/files/{item.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await edu.GetAsync($"/api/evidence/files/{item.Id}")).StatusCode);
        Assert.Empty((await unit.GetJsonAsync<EvidenceList>($"/api/evidence/targets/{target}"))!.Files);
        Assert.Contains(AuditAction.Update, await app.AsSystemAsync<SystemDbContext, List<AuditAction>>(db =>
            db.AuditEntries.Where(a => a.EntityType == nameof(EvidenceFile) && a.EntityId == item.Id.ToString()).Select(a => a.Action).ToListAsync()));
    }

    /// <summary>A store that writes the first chunk and then fails, as a dropped connection would.</summary>
    private sealed class FailingStore(IEvidenceStore inner) : IEvidenceStore
    {
        public async Task WriteAsync(long fileId, Stream content, CancellationToken ct)
        {
            await inner.WriteAsync(fileId, new MemoryStream(new byte[EvidenceStore.ChunkBytes]), ct);
            throw new IOException("连接中断");
        }

        public Task CopyToAsync(long fileId, Stream destination, CancellationToken ct) => inner.CopyToAsync(fileId, destination, ct);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Upload_FailingMidway_LeavesNoRowNoChunkNoAuditRecord(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var target = await DraftTargetAsync(app, "EV03");
        var (files, chunks, audit) = await CountsAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var system = services.GetRequiredService<SystemDbContext>();
            var userId = await system.Users.Where(u => u.UserName == "yizhong").Select(u => u.Id).SingleAsync();
            var (access, user) = (await ScopeLoader.LoadAsync(system, userId, CancellationToken.None))!.Value;
            var current = services.GetRequiredService<CurrentUser>();
            current.Set(access, user.Id, user.UserName!, user.RegionCode);
            var db = services.GetRequiredService<JixiaoDbContext>();
            await Assert.ThrowsAsync<IOException>(() => EvidenceWork.UploadAsync(db, new FailingStore(new EvidenceStore(db)), current, new EvidenceLimits(),
                EvidenceOwner.Target, target, "合同.pdf", new MemoryStream(Pdf(3 * EvidenceStore.ChunkBytes)), null, DateTime.UtcNow, CancellationToken.None));
        }
        Assert.Equal((files, chunks, audit), await CountsAsync(app));
    }

    private static Task<(int, int, int)> CountsAsync(JixiaoApp app) =>
        app.AsSystemAsync<SystemDbContext, (int, int, int)>(async db =>
            (await db.EvidenceFiles.CountAsync(), await db.EvidenceChunks.CountAsync(), await db.AuditEntries.CountAsync(a => a.EntityType == nameof(EvidenceFile))));
}
