using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jixiao.Domain.Disclosure;
using Jixiao.Domain.Targets;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jixiao.Tests.Shared.ApiAnswers;

namespace Jixiao.Web.Tests.Disclosure;

/// <summary>
/// 信息公开 on both databases, on the demo county (this year's targets and last year's results published, a few withheld): the portal answers
/// anonymously, without a cookie, and a crawl of every page and download it links shows the published items and none of what is not
/// public — targets still in draft, under review or returned, withheld items, reviewers' opinions, units' deviation reasons, findings,
/// evidence files; finance publishes only what waits, a withheld item released is published by the next batch.
/// </summary>
public sealed partial class DisclosureTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    internal sealed record Count(int Items, int Published, int Waiting, int Withheld);
    internal sealed record KindLine(PublicationKind Kind, Count Total);
    internal sealed record Batch(long Id, PublicationKind Kind, string Title, int Items);
    internal sealed record Overview(List<KindLine> Kinds, List<Batch> Batches, List<string> Reasons);
    internal sealed record Item(string SourceKey, string Code, string Title, PublicationState State, long? WithholdingId, string Reason);
    internal sealed record Items(List<Item> Rows, int Total);

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    [Theory, MemberData(nameof(Providers))]
    public async Task Portal_ShowsOnlyWhatWasPublished_ToAnyone_WithoutACookie(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var year = app.Services.GetRequiredService<Web.Features.Shared.BusinessClock>().Year;
        using var perf = await app.ClientForAsync("perf");
        var withheld = new List<string>();
        foreach (var kind in new[] { PublicationKind.ProjectTargets, PublicationKind.SelfEvaluationResults })
        {
            var of = kind == PublicationKind.ProjectTargets ? year : year - 1;
            withheld.AddRange((await OkAsync<Items>(await perf.GetAsync($"/api/disclosure/items?year={of}&kind={kind}&state=Withheld"))).Rows.Select(r => r.Code));
        }
        Assert.NotEmpty(withheld);

        // What must never reach the public: projects whose targets were never approved, withheld items, the back office's words and files.
        var (unapproved, words, published) = await app.AsSystemAsync<SystemDbContext, (List<string>, List<string>, List<string>)>(async db =>
        {
            var approved = db.Targets.Where(t => t.FiscalYear == year && t.State == TargetState.Approved).Select(t => t.SubjectKey);
            var codes = await (from t in db.Targets
                join p in db.Projects on t.ProjectId equals p.Id
                where t.RegionCode == Web.Features.Demo.DemoCounty.RegionCode && t.FiscalYear == year && t.Subject == TargetSubject.Project && !approved.Contains(t.SubjectKey)
                select p.Code).Distinct().Take(40).ToListAsync();
            var opinions = await db.Targets.SelectMany(t => t.Steps).Where(s => s.Opinion.Length >= 8).Select(s => s.Opinion).Distinct().Take(40).ToListAsync();
            var reasons = await db.SelfEvaluations.SelectMany(e => e.Rows).Where(r => r.Reason.Length >= 10).Select(r => r.Reason).Distinct().Take(40).ToListAsync();
            var findings = await db.SelfEvaluations.SelectMany(e => e.Findings).Select(f => f.Message).Where(m => m.Length >= 10).Distinct().Take(40).ToListAsync();
            var files = await db.EvidenceFiles.Select(f => f.FileName).Distinct().Take(20).ToListAsync();
            var shown = await db.PublishedItems.OrderBy(i => i.Id).Select(i => i.Code).Take(5).ToListAsync();
            return (codes, [.. opinions, .. reasons, .. findings, .. files], shown);
        });
        Assert.NotEmpty(unapproved);
        Assert.NotEmpty(words);

        // A crawl of the portal from its front page as an anonymous visitor: every list page, every batch and download, item pages up to a cap.
        using var visitor = app.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        var queue = new Queue<string>(["/portal"]);
        var seen = new HashSet<string> { "/portal" };
        var text = new StringBuilder();
        var itemPages = 0;
        var pdfs = new List<string>();
        while (queue.TryDequeue(out var url))
        {
            var response = await visitor.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{url} sets a cookie");
            Assert.StartsWith("public", response.Headers.CacheControl?.ToString() ?? "");
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            if (type == Web.Features.Shared.FileTypes.Xlsx)
            {
                var rows = SpreadsheetReader.Read(await response.Content.ReadAsByteArrayAsync(), "data.xlsx", new UploadLimits());
                text.AppendJoin('\n', rows.Select(r => string.Join('\t', r.Cells)));
                continue;
            }
            var body = await response.Content.ReadAsStringAsync();
            // the pages write names as character references (&#x5728;…): read them as a visitor does
            text.Append(WebUtility.HtmlDecode(body));
            if (type != "text/html") continue;
            Assert.DoesNotContain("method=\"post\"", body, StringComparison.OrdinalIgnoreCase);
            foreach (var link in Href().Matches(body).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)))
            {
                if (link.StartsWith("/lib/") || link.StartsWith("/css/") || link.StartsWith("/favicon")) continue;
                Assert.True(link.StartsWith("/portal"), $"{url} links out of the portal: {link}");
                if (link.EndsWith("/pdf")) { pdfs.Add(link); continue; }
                if (link.StartsWith("/portal/items/") && ++itemPages > 60) continue;
                if (seen.Add(link)) queue.Enqueue(link);
            }
        }
        Assert.True(seen.Count > 20, $"the crawl reached only {seen.Count} addresses");
        var all = text.ToString();
        Assert.All(published, code => Assert.Contains(code, all));
        Assert.All(unapproved, code => Assert.DoesNotContain(code, all));
        Assert.All(withheld, code => Assert.DoesNotContain(code, all));
        Assert.All(words, word => Assert.DoesNotContain(word, all));

        // Last year's key evaluation reports are published with their sections; a report's PDF is its page's sheet, printed.
        Assert.Contains("重点评价报告", all);
        {
            Printing.FormPdfTests.RequireChromium();
            var report = await app.AsSystemAsync<SystemDbContext, PublishedItem>(db =>
                db.PublishedItems.FirstAsync(i => i.Kind == PublicationKind.EvaluationReports));
            var reportPage = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/portal/items/{report.Id}"));
            Assert.Contains("综合评价情况及评价结论", reportPage);
            Assert.All(words, word => Assert.DoesNotContain(word, reportPage));
            var pdf = await visitor.GetAsync($"/portal/items/{report.Id}/pdf");
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.False(pdf.Headers.Contains("Set-Cookie"));
            var printed = Printing.FormPdfTests.Text(await pdf.Content.ReadAsByteArrayAsync());
            Assert.Contains(report.Title.Replace(" ", ""), printed);
            Assert.Contains("综合评价情况及评价结论", printed);
        }
        Assert.NotEmpty(pdfs);

        // A search longer than any name is cut and says so, rather than failing.
        var clipped = await visitor.GetAsync($"/portal/{Web.Features.Demo.DemoCounty.RegionCode}/{year}?Q={new string('县', 150)}");
        Assert.Equal(HttpStatusCode.OK, clipped.StatusCode);
        Assert.Contains("已按前 100 字查询", WebUtility.HtmlDecode(await clipped.Content.ReadAsStringAsync()));

        // Addresses that name nothing published answer 404.
        foreach (var path in new[] { "/portal/items/999999999", "/portal/batches/999999999", "/portal/batches/999999999/data.csv", $"/portal/990000/{year}",
                     $"/portal/{Web.Features.Demo.DemoCounty.NeighbourRegionCode}/{year}" })
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(path)).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Finance_PublishesWhatWaits_OpenDataIsDescribed_AndAReleasedItemGoesOutWithTheNextBatch(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var year = app.Services.GetRequiredService<Web.Features.Shared.BusinessClock>().Year;
        using var perf = await app.ClientForAsync("perf");
        using var edu = await app.ClientForAsync("edu");
        using var jkw = await app.ClientForAsync("jkw");
        Assert.Equal(HttpStatusCode.Forbidden, (await edu.GetAsync($"/api/disclosure?year={year}")).StatusCode);

        // Other tests of the shared demo may have approved targets since the seed published them: publish those first.
        var overview = await OkAsync<Overview>(await perf.GetAsync($"/api/disclosure?year={year}"));
        if (overview.Kinds.Single(k => k.Kind == PublicationKind.ProjectTargets).Total.Waiting > 0)
        {
            await OkAsync<Batch>(await perf.PostAsJsonAsync("/api/disclosure/batches", new { year, kind = "ProjectTargets" }));
            overview = await OkAsync<Overview>(await perf.GetAsync($"/api/disclosure?year={year}"));
        }
        var targets = overview.Kinds.Single(k => k.Kind == PublicationKind.ProjectTargets).Total;
        Assert.Equal((targets.Items, 0), (targets.Published + targets.Withheld, targets.Waiting));
        Assert.True(targets.Withheld > 0 && overview.Batches.Where(b => b.Kind == PublicationKind.ProjectTargets).Sum(b => b.Items) >= targets.Published);

        // The same figures as a sheet: the total line of each kind, then its departments.
        var sheet = SpreadsheetReader.Read(await perf.GetByteArrayAsync($"/api/disclosure/statistics.xlsx?year={year}"), "公开.xlsx", new UploadLimits());
        Assert.Equal($"{year} 年度预算绩效信息公开情况", sheet[0][0]);
        Assert.Equal(["项目绩效目标", "合计", targets.Items.ToString(), targets.Published.ToString()],
            sheet.First(r => r[0] == "项目绩效目标" && r[1] == "合计").Cells.Take(4));

        // Nothing waits: a second batch is refused; the funding division may read but not publish; a reason must be on the list.
        var none = await RefusedAsync(await perf.PostAsJsonAsync("/api/disclosure/batches", new { year, kind = "ProjectTargets" }), HttpStatusCode.Conflict);
        Assert.Contains("没有待公开的项目绩效目标", none.Detail);
        Assert.Equal(HttpStatusCode.Forbidden, (await jkw.PostAsJsonAsync("/api/disclosure/batches", new { year, kind = "ProjectTargets" })).StatusCode);
        var items = await OkAsync<Items>(await perf.GetAsync($"/api/disclosure/items?year={year}&kind=ProjectTargets&state=Published"));
        var wrong = await RefusedAsync(await perf.PostAsJsonAsync("/api/disclosure/withholdings",
            new { year, kind = "ProjectTargets", sourceKey = items.Rows[0].SourceKey, reason = "不想公开", note = "x" }), HttpStatusCode.BadRequest);
        Assert.Equal("不公开理由", wrong.Field);

        // A withheld item released waits again and goes out, alone, with the next batch; the portal then lists it.
        var kept = (await OkAsync<Items>(await perf.GetAsync($"/api/disclosure/items?year={year}&kind=ProjectTargets&state=Withheld"))).Rows[0];
        using var visitor = app.CreateClient(new() { HandleCookies = false });
        var search = $"/portal/{Web.Features.Demo.DemoCounty.RegionCode}/{year}?Q={Uri.EscapeDataString(kept.Code)}";
        Assert.Contains("共 0 项", await visitor.GetStringAsync(search));
        Assert.Equal(HttpStatusCode.NoContent, (await perf.DeleteAsync($"/api/disclosure/withholdings/{kept.WithholdingId}")).StatusCode);
        var next = await OkAsync<Batch>(await perf.PostAsJsonAsync("/api/disclosure/batches", new { year, kind = "ProjectTargets", title = $"{year} 年项目绩效目标（补充公开）" }));
        Assert.Equal(1, next.Items);
        // the same search again: the kept list was filed under the batch before, so the new batch shows at once
        var found = WebUtility.HtmlDecode(await visitor.GetStringAsync(search));
        Assert.Contains("共 1 项", found);
        Assert.Contains($"<td class=\"mono\">{kept.Code}</td>", found);

        // The batch as open data: CSV in UTF-8 with a byte-order mark and the package's fields as its header, JSON rows with the same fields.
        var csv = await visitor.GetByteArrayAsync($"/portal/batches/{next.Id}/data.csv");
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        using var package = JsonDocument.Parse(await visitor.GetByteArrayAsync($"/portal/batches/{next.Id}/datapackage.json"));
        var fields = package.RootElement.GetProperty("resources")[0].GetProperty("schema").GetProperty("fields").EnumerateArray()
            .Select(f => f.GetProperty("name").GetString()!).ToList();
        Assert.Equal(string.Join(',', fields), lines[0]);
        Assert.True(lines.Length > 1 && lines.Skip(1).All(l => l.Contains(kept.Code)), string.Join('\n', lines));
        using var json = JsonDocument.Parse(await visitor.GetByteArrayAsync($"/portal/batches/{next.Id}/data.json"));
        Assert.Equal(lines.Length - 1, json.RootElement.GetArrayLength());
        Assert.Equal(fields, json.RootElement[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(kept.Code, json.RootElement[0].GetProperty("code").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Portal_LimitsEachClient_AndSaysWhenToComeBack(DatabaseProvider provider)
    {
        await using var app = await JixiaoApp.StartAsync(provider, seedDemo: false, settings: new Dictionary<string, string> { ["Portal:RequestsPerMinute"] = "3" });
        using var visitor = app.CreateClient(new() { HandleCookies = false });
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/portal")).StatusCode);
        var refused = await visitor.GetAsync("/portal/batches/1/data.csv");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        Assert.Contains("每个地址每分钟最多 3 次", await refused.Content.ReadAsStringAsync());
        // the signed-in system is not the portal's budget
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await visitor.GetAsync("/Account/Login")).StatusCode);
    }
}
