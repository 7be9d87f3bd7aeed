using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Jixiao.Domain.Access;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Printing;

/// <summary>
/// The demo county seeded with its clock on 4 December 2026, so that the same targets, monitoring returns and
/// self-evaluations with their stamped chains exist on any day the tests run.
/// </summary>
public sealed class PrintedCounty() : ClockedApps(new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero), 300);

/// <summary>
/// Every form downloads as a PDF printed by Chromium from the server-rendered sheet: the project, the filling unit, its
/// indicators and the stamps of the people who approved it are in the file; a user who cannot see the form cannot download it.
/// </summary>
public sealed partial class FormPdfTests(PrintedCounty county) : IClassFixture<PrintedCounty>
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    /// <summary>The demo accounts that fill forms, by the code of their unit.</summary>
    private static readonly Dictionary<string, string> Fillers = DemoCounty.Accounts
        .Where(a => a.Region == DemoCounty.RegionCode && a.Role == Role.UnitFiller && a.OrgCode is not null)
        .ToDictionary(a => a.OrgCode!, a => a.UserName);

    /// <summary>An approved project form of a unit with a filler account, whose department approval was stamped by a demo account.</summary>
    private sealed record Sample(long Id, string Unit, string Filler, string Project, string Indicator, string Reviewer);

    private sealed record Found(long Id, long OrgUnitId, long ProjectId, string Indicator, long? ReviewerId);

    private static Task<Sample> SampleAsync(JixiaoApp app, Func<SystemDbContext, long[], Task<List<Found>>> candidates) =>
        app.AsSystemAsync<SystemDbContext, Sample>(async db =>
        {
            var units = await db.OrgUnits.Where(o => o.RegionCode == DemoCounty.RegionCode && Fillers.Keys.Contains(o.Code))
                .ToDictionaryAsync(o => o.Id);
            var found = (await candidates(db, units.Keys.ToArray())).FirstOrDefault(f => f.ReviewerId is not null);
            Assert.True(found is not null, "演示数据中应有一份已审核、由演示账号盖过主管部门审核章的表");
            var unit = units[found.OrgUnitId];
            var project = await db.Projects.Where(p => p.Id == found.ProjectId).Select(p => p.Name).SingleAsync();
            var reviewer = await db.Users.Where(u => u.Id == found.ReviewerId).Select(u => u.DisplayName).SingleAsync();
            return new Sample(found.Id, unit.Name, Fillers[unit.Code], project, found.Indicator, reviewer);
        });

    private static Task<Sample> TargetAsync(JixiaoApp app) => SampleAsync(app, (db, units) =>
        db.Targets.Where(t => t.RegionCode == DemoCounty.RegionCode && units.Contains(t.OrgUnitId) && t.ProjectId != null && t.State == TargetState.Approved)
            .OrderBy(t => t.Id)
            .Select(t => new Found(t.Id, t.OrgUnitId, t.ProjectId!.Value, t.Indicators.OrderBy(i => i.Row).Select(i => i.Name).First(),
                t.Steps.Where(s => s.Role == Role.DepartmentReviewer && s.Action == ReviewAction.Approve).OrderByDescending(s => s.Seq).Select(s => s.UserId).FirstOrDefault()))
            .Take(50).ToListAsync());

    private static Task<Sample> ReturnAsync(JixiaoApp app) => SampleAsync(app, (db, units) =>
        db.MonitoringTasks.Where(t => t.RegionCode == DemoCounty.RegionCode && units.Contains(t.OrgUnitId) && t.ProjectId != null && t.State == FormState.Approved)
            .OrderBy(t => t.Id)
            .Select(t => new Found(t.Id, t.OrgUnitId, t.ProjectId!.Value, t.Rows.OrderBy(r => r.Row).Select(r => r.Name).First(),
                t.Steps.Where(s => s.Role == Role.DepartmentReviewer && s.Action == FormAction.Approve).OrderByDescending(s => s.Seq).Select(s => s.UserId).FirstOrDefault()))
            .Take(50).ToListAsync());

    private static Task<Sample> EvaluationAsync(JixiaoApp app) => SampleAsync(app, (db, units) =>
        db.SelfEvaluations.Where(e => e.RegionCode == DemoCounty.RegionCode && units.Contains(e.OrgUnitId) && e.ProjectId != null && e.State == FormState.Approved)
            .OrderBy(e => e.Id)
            .Select(e => new Found(e.Id, e.OrgUnitId, e.ProjectId!.Value, e.Rows.OrderBy(r => r.Row).Select(r => r.Name).First(),
                e.Steps.Where(s => s.Role == Role.DepartmentReviewer && s.Action == FormAction.Approve).OrderByDescending(s => s.Seq).Select(s => s.UserId).FirstOrDefault()))
            .Take(50).ToListAsync());

    public static TheoryData<DatabaseProvider, string> Forms()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
            foreach (var form in new[] { "targets", "monitoring/tasks", "evaluations" })
                data.Add(provider, form);
        return data;
    }

    private static Task<Sample> SampleOfAsync(JixiaoApp app, string form) => form switch
    {
        "targets" => TargetAsync(app),
        "monitoring/tasks" => ReturnAsync(app),
        _ => EvaluationAsync(app),
    };

    private static readonly Dictionary<string, string> Titles = new()
    {
        ["targets"] = "项目支出绩效目标申报表", ["monitoring/tasks"] = "项目支出绩效目标执行监控表", ["evaluations"] = "项目支出绩效自评表",
    };

    [Theory, MemberData(nameof(Forms))]
    public async Task Pdf_OfAnApprovedForm_ShowsProjectUnitIndicatorAndTheReviewersStamp(DatabaseProvider provider, string form)
    {
        RequireChromium();
        var app = await county.GetAsync(provider);
        var sample = await SampleOfAsync(app, form);
        using var unit = await app.ClientForAsync(sample.Filler);

        var response = await unit.GetAsync($"/api/{form}/{sample.Id}/pdf", TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(Titles[form], response.Content.Headers.ContentDisposition?.FileNameStar);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        var text = Text(pdf);
        foreach (var expected in new[] { Titles[form], "单位：万元", sample.Project, sample.Unit, sample.Indicator, "主管部门审核意见", sample.Reviewer, "审核通过" })
            Assert.True(text.Contains(Squeeze(expected), StringComparison.Ordinal), $"PDF 中应有“{expected}”，实际文字：{text}");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Pdf_OfAConcludedEvaluationReport_ShowsItsSectionsScoreTableAndGrade_ForTheEvaluatedDepartmentOnly(DatabaseProvider provider)
    {
        RequireChromium();
        var app = await county.GetAsync(provider);
        // A concluded evaluation of a project of a department with a reviewer account (the demo's last year), and another department's reviewer.
        var reviewers = DemoCounty.Accounts.Where(a => a.Region == DemoCounty.RegionCode && a.Role == Role.DepartmentReviewer).ToDictionary(a => a.OrgCode!, a => a.UserName);
        var plan = await app.AsSystemAsync<SystemDbContext, (long Id, string Title, decimal Total, string Grade, string Finding, string Code)>(async db =>
        {
            var departments = await db.OrgUnits.Where(o => o.RegionCode == DemoCounty.RegionCode && reviewers.Keys.Contains(o.Code)).ToDictionaryAsync(o => o.Id, o => o.Code);
            var ids = departments.Keys.ToList();
            var found = await db.EvaluationPlans.Include(p => p.Findings)
                .Where(p => p.RegionCode == DemoCounty.RegionCode && p.State == Domain.EvaluationPlans.PlanState.Concluded && p.DepartmentId != null
                            && ids.Contains(p.DepartmentId.Value) && p.SubjectKind == Domain.EvaluationPlans.PlanSubjectKind.Project && p.Findings.Count > 0)
                .OrderBy(p => p.Id).FirstAsync();
            return (found.Id, found.Title, found.Total!.Value, found.Grade!.Value.Label(), found.Findings.OrderBy(f => f.Seq).First().Problem,
                departments[found.DepartmentId!.Value]);
        });
        using var owner = await app.ClientForAsync(reviewers[plan.Code]);
        using var other = await app.ClientForAsync(reviewers.First(r => r.Key != plan.Code).Value);

        var response = await owner.GetAsync($"/api/evaluation-plans/{plan.Id}/report/pdf", TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var text = Text(await response.Content.ReadAsByteArrayAsync());
        foreach (var expected in new[] { $"{plan.Title}报告", "一、基本情况", "三、综合评价情况及评价结论", "立项依据充分性", $"{Domain.Evaluations.Scores.Format(plan.Total)} 分（{plan.Grade}）",
                     plan.Finding, "六、有关建议" })
            Assert.True(text.Contains(Squeeze(expected), StringComparison.Ordinal), $"PDF 中应有“{expected}”，实际文字：{text}");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/evaluation-plans/{plan.Id}/report/pdf", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory, MemberData(nameof(Forms))]
    public async Task Pdf_OfAnotherUnitsForm_IsNotFound(DatabaseProvider provider, string form)
    {
        var app = await county.GetAsync(provider);
        var sample = await SampleOfAsync(app, form);
        var other = Fillers.Values.First(f => f != sample.Filler);
        using var foreign = await app.ClientForAsync(other);
        using var neighbour = await app.ClientForAsync("lc.unit");

        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/api/{form}/{sample.Id}/pdf", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/{form}/{sample.Id}/pdf", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Pdf_WithoutChromium_IsA503ThatSaysWhy(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        var sample = await TargetAsync(app);
        using var signedIn = await app.ClientForAsync(sample.Filler);
        await using var withoutChromium = app.WithWebHostBuilder(b => b.UseSetting("Pdf:ChromiumPath", "/nonexistent/chromium"));
        using var client = withoutChromium.CreateClient();
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;

        var response = await client.GetAsync($"/api/targets/{sample.Id}/pdf", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("找不到生成 PDF 所用的 Chromium", await response.Content.ReadAsStringAsync());
    }

    /// <summary>The Chromium the app prints with (as the browser tests find it); under CI=true its absence fails the test.</summary>
    internal static void RequireChromium()
    {
        var path = Environment.GetEnvironmentVariable("JIXIAO_CHROMIUM") is { Length: > 0 } set ? set : "/usr/bin/chromium";
        if (File.Exists(path) && File.Exists(PdfToText)) return;
        var why = $"找不到 Chromium（{path}）或 pdftotext：请用 ./test.sh 运行（它会安装 chromium、fonts-noto-cjk 和 poppler-utils）";
        if (TestEnvironment.IsCi) Assert.Fail("CI=true 时不允许跳过 PDF 测试：" + why);
        Assert.Skip(why);
    }

    private const string PdfToText = "/usr/bin/pdftotext";

    /// <summary>The text of the PDF as poppler reads it, without whitespace (cells wrap their text onto several lines).</summary>
    internal static string Text(byte[] pdf)
    {
        var start = new ProcessStartInfo(PdfToText, ["-enc", "UTF-8", "-", "-"]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(pdf);
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "pdftotext did not finish within 30 seconds");
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
        return Squeeze(output.Result);
    }

    private static string Squeeze(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
