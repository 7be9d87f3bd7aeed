using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Tests.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Security;

/// <summary>The defects of issue 12 items 9, 10, 11 and 13, each as the outside probe reproduced it.</summary>
public sealed partial class HardeningTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;
    private static readonly int Year = BusinessCalendar.YearOf(DateTimeOffset.UtcNow);

    /// <summary>A browser session: the login page's form posted with its antiforgery token; the client keeps the cookies.</summary>
    private static async Task<HttpClient> SignedInBrowserAsync(JixiaoApp app, string userName)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = FormToken(await browser.GetStringAsync("/Account/Login"));
        var response = await browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = DemoCounty.Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/auth/me")).StatusCode);
        return browser;
    }

    private static string FormToken(string html) => TokenPattern().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("页面上没有防伪令牌");

    private static HttpRequestMessage Refigure(string? origin, int year)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/evaluations/refigure") { Content = JsonContent.Create(new { year }) };
        if (origin is not null) request.Headers.Add("Origin", origin);
        return request;
    }

    private static async Task<ProblemDetails> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"应为 {(int)expected}，实际 {(int)response.StatusCode}：{body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadJsonAsync<ProblemDetails>())!;
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.Detail ?? "");
        return problem;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task CookieCall_FromAnotherOrigin_RefusedAndChangesNothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var browser = await SignedInBrowserAsync(app, "perf");
        var batches = await app.AsSystemAsync<SystemDbContext, int>(db => db.ImportBatches.CountAsync());

        var refused = await ProblemAsync(await browser.SendAsync(Refigure("http://evil.example", Year - 1)), HttpStatusCode.Forbidden);
        Assert.Contains("跨站", refused.Detail);
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent(nameof(ImportKind.Projects)), "kind");
            form.Add(new StringContent(Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), "fiscalYear");
            form.Add(new ByteArrayContent(ImportFiles.Csv([["项目编码"], ["1"]])), "file", "跨站.csv");
            using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = form };
            upload.Headers.Add("Origin", "http://evil.example");
            await ProblemAsync(await browser.SendAsync(upload), HttpStatusCode.Forbidden);
        }
        // No Origin and no antiforgery token: refused too (an old browser, or a request made to look same-site).
        await ProblemAsync(await browser.SendAsync(Refigure(null, Year - 1)), HttpStatusCode.Forbidden);
        Assert.Equal(batches, await app.AsSystemAsync<SystemDbContext, int>(db => db.ImportBatches.CountAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task CookieCall_FromThisSiteOrWithToken_AndBearerCall_Accepted(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var browser = await SignedInBrowserAsync(app, "perf");
        var sameOrigin = await browser.SendAsync(Refigure("http://localhost", Year - 1));
        Assert.True(sameOrigin.StatusCode == HttpStatusCode.OK, await sameOrigin.Content.ReadAsStringAsync());

        // A page's antiforgery token (the sign-out form on every page) stands in for a missing Origin.
        var token = FormToken(await browser.GetStringAsync("/"));
        using var withToken = Refigure(null, Year - 1);
        withToken.Headers.Add("RequestVerificationToken", token);
        var tokenAnswer = await browser.SendAsync(withToken);
        Assert.True(tokenAnswer.StatusCode == HttpStatusCode.OK, await tokenAnswer.Content.ReadAsStringAsync());

        // Scripts with a bearer token carry no ambient credential: any Origin (or none) is fine.
        using var script = await app.ClientForAsync("perf");
        var bearer = await script.SendAsync(Refigure("http://evil.example", Year - 1));
        Assert.True(bearer.StatusCode == HttpStatusCode.OK, await bearer.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ForeignOrMissingIds_InFiltersAndDownloads_Answer404(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        using var edu = await app.ClientForAsync("edu");
        var neighbourDepartment = await app.OrgIdAsync(DemoCounty.NeighbourRegionCode, "106");
        var water = await app.OrgIdAsync(DemoCounty.RegionCode, "115");
        var education = await app.OrgIdAsync(DemoCounty.RegionCode, "106");
        var round = await app.AsSystemAsync<SystemDbContext, long>(db => db.MonitoringRounds.Where(r => r.RegionCode == DemoCounty.RegionCode).Select(r => r.Id).FirstAsync());

        foreach (var url in new[]
                 {
                     $"/api/evaluations/summary.xlsx?year={Year - 1}&departmentId={neighbourDepartment}",
                     $"/api/targets/sheet?year={Year}&departmentId={neighbourDepartment}",
                     $"/api/monitoring/rounds/{round}/sheet?departmentId={neighbourDepartment}",
                     $"/api/monitoring/rounds/{round}/tasks?departmentId={neighbourDepartment}",
                     $"/api/projects?DepartmentId={neighbourDepartment}",
                     $"/api/projects?Region={DemoCounty.NeighbourRegionCode}",
                     "/api/monitoring/rounds/999999/tasks",
                     "/api/monitoring/rounds/999999/sheet",
                 })
        {
            var response = await perf.GetAsync(url);
            var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
            Assert.DoesNotContain("黎城", await response.Content.ReadAsStringAsync());
            Assert.Contains("不存在", problem.Detail);
        }
        // Another department of the same county is foreign to a department reviewer; the own department is not.
        await ProblemAsync(await edu.GetAsync($"/api/evaluations/summary.xlsx?year={Year - 1}&departmentId={water}"), HttpStatusCode.NotFound);
        var own = await edu.GetAsync($"/api/evaluations/summary.xlsx?year={Year - 1}&departmentId={education}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await own.Content.ReadAsByteArrayAsync()));
        using var strings = new StreamReader(zip.GetEntry("xl/sharedStrings.xml")?.Open() ?? zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        Assert.Contains("襄垣县教育科技局", await strings.ReadToEndAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task BadInput_ThatGave500_IsA400InChinese(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");

        var year = await ProblemAsync(await perf.GetAsync("/api/projects?Year=99999"), HttpStatusCode.BadRequest);
        Assert.Contains("预算年度 99999", year.Detail);
        Assert.Contains("Year", (await ProblemAsync(await perf.GetAsync("/api/projects?Year=abc"), HttpStatusCode.BadRequest)).Detail);
        Assert.Contains("box", (await ProblemAsync(await perf.GetAsync("/api/targets/inbox?box=99"), HttpStatusCode.BadRequest)).Detail);
        Assert.Contains("MaxWan", (await ProblemAsync(await perf.GetAsync("/api/projects?MaxWan=9223372036854775807"), HttpStatusCode.BadRequest)).Detail);
        Assert.Contains("Keyword", (await ProblemAsync(await perf.GetAsync("/api/projects?Keyword=" + new string('x', 5000)), HttpStatusCode.BadRequest)).Detail);
        Assert.Contains("to", (await ProblemAsync(await (await app.ClientForAsync("auditadmin")).GetAsync("/api/audit?to=9999-12-31"), HttpStatusCode.BadRequest)).Detail);

        var malformed = await perf.PostAsync("/api/evaluations/refigure", new StringContent("{\"year\":", Encoding.UTF8, "application/json"));
        Assert.Contains("不是有效的 JSON", (await ProblemAsync(malformed, HttpStatusCode.BadRequest)).Detail);
        var wrongType = await perf.PostAsync("/api/evaluations/refigure", new StringContent("{\"year\":\"abc\"}", Encoding.UTF8, "application/json"));
        Assert.Contains("“year”", (await ProblemAsync(wrongType, HttpStatusCode.BadRequest)).Detail);
        var enumNumber = await perf.PostAsync("/api/targets/1/approve", new StringContent("{\"grade\":1,\"opinion\":null}", Encoding.UTF8, "application/json"));
        Assert.Contains("grade", (await ProblemAsync(enumNumber, HttpStatusCode.BadRequest)).Detail);
        var text = await perf.PostAsync("/api/evaluations/refigure", new StringContent("{\"year\":2025}", Encoding.UTF8, "text/plain"));
        Assert.Contains("application/json", (await ProblemAsync(text, HttpStatusCode.UnsupportedMediaType)).Detail);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task TargetSave_SameIndicatorTwice_IsA400NamingTheRows(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var unit = await app.ClientForAsync("hospital");
        var notStarted = (await unit.GetJsonAsync<Targets.TargetApiTests.Inbox>($"/api/targets/inbox?year={Year}&box=NotStarted&pageSize=200"))!;
        var projectId = notStarted.Rows.Last(r => r.ProjectId is not null).ProjectId!.Value;
        var created = await unit.PostAsJsonAsync($"/api/targets/projects/{projectId}", new { from = "Blank" }, ApiJson.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var target = (await created.Content.ReadJsonAsync<Targets.TargetApiTests.View>())!.Target;
        var indicator = new { level1 = "产出指标", level2 = "数量指标", name = "诊疗人次", comparison = "GreaterOrEqual", targetValue = "≥1000人次", unit = "人次", basis = "Plan" };

        var saved = await unit.PutAsJsonAsync($"/api/targets/{target.Id}", new { overallGoal = "目标", annualGoal = "目标", indicators = new[] { indicator, indicator } });
        var problem = await ProblemAsync(saved, HttpStatusCode.BadRequest);
        Assert.Contains("第 1、2 行", problem.Detail);
        var view = (await unit.GetJsonAsync<Targets.TargetApiTests.View>($"/api/targets/{target.Id}"))!;
        Assert.Empty(view.Target.Indicators);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ApiAndSignedInPages_AreNotStored_StaticFilesAre(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var api = await app.ClientForAsync("perf");
        using var browser = await SignedInBrowserAsync(app, "perf");
        foreach (var response in new[]
                 {
                     await api.GetAsync("/api/auth/me"), await api.GetAsync("/api/projects/999999"), await browser.GetAsync("/"),
                     await browser.GetAsync("/Projects"),
                 })
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage!.RequestUri}: {response.Headers.CacheControl}");
        var html = await browser.GetStringAsync("/");
        var css = CssPattern().Match(html).Groups[1].Value;
        var file = await browser.GetAsync(WebUtility.HtmlDecode(css));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.False(file.Headers.CacheControl?.NoStore ?? false);
        Assert.True(file.Headers.CacheControl?.MaxAge > TimeSpan.FromDays(30));
    }

    [Fact]
    public async Task Kestrel_SendsNoServerHeader()
    {
        await using var app = await JixiaoApp.StartAsync(DatabaseProvider.Sqlite, seedDemo: false, kestrel: true);
        using var client = new HttpClient { BaseAddress = new Uri(app.RootUrl) };
        var response = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), string.Join(", ", response.Headers.Select(h => h.Key)));
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(/css/site\\.css\\?v=[^\"]+)\"")]
    private static partial Regex CssPattern();
}
