using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Domain.Access;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Organisation;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Shared;
using Jixiao.Web.Features.Targets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.Targets;

/// <summary>The two demo counties in September 2026 under 长治市, whose performance division sees both.</summary>
public sealed class PrefectureCounties() : ClockedApps(new DateTimeOffset(2026, 9, 10, 2, 0, 0, TimeSpan.Zero), 120);

/// <summary>
/// A region-year's frame applies to that region's data, whoever handles it: 黎城县 uses 成本指标 as a 一级指标, 长治市's
/// performance division (home region 140400, national frame) exporting or importing 黎城's targets gets 黎城's frame.
/// </summary>
public sealed class RegionFrameTests(PrefectureCounties counties) : IClassFixture<PrefectureCounties>
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    private const int Year = 2026;

    internal sealed record Issue(int Row, string Column, string Value, string Message, bool IsError);
    internal sealed record Report(List<Issue> Issues, bool Committed);

    [Theory, MemberData(nameof(Providers))]
    public async Task PrefectureUserAndSystem_OnACountysTargets_GetTheCountysFrameNotTheirHomeRegions(DatabaseProvider provider)
    {
        var app = await counties.GetAsync(provider);
        using (var lc = await app.ClientForAsync("lc.perf"))
            Assert.Equal(HttpStatusCode.OK,
                (await lc.PutAsJsonAsync($"/api/targets/frame?year={Year}", new { frameCode = "CostLevel1" }, ApiJson.Options)).StatusCode);
        var city = await PrefecturePerformanceAsync(app);
        // A 黎城 project whose code 襄垣 does not use, in a department with budgeted projects.
        var project = await app.AsSystemAsync<SystemDbContext, Project>(db => db.Projects
            .Where(p => p.RegionCode == DemoCounty.NeighbourRegionCode && p.FiscalYear == Year && p.Status == LibraryStatus.Budgeted && !p.IsPool
                        && p.DepartmentId != null
                        && !db.Projects.Any(o => o.RegionCode == DemoCounty.RegionCode && o.FiscalYear == Year && o.Code == p.Code))
            .OrderBy(p => p.Code).FirstAsync());

        var export = await city.GetAsync($"/api/targets/sheet?year={Year}&departmentId={project.DepartmentId}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        AssertCostLevel1Lists(await export.Content.ReadAsByteArrayAsync());
        // The system account (no region) exporting the same department: 黎城's frame too, not silently the national one.
        var (_, bySystem) = await app.AsSystemAsync<JixiaoDbContext, (string, byte[])>(db =>
            TargetSheet.ExportAsync(db, Year, project.DepartmentId, TestContext.Current.CancellationToken));
        AssertCostLevel1Lists(bySystem);

        // Importing: each project's rows are checked against its own region's frame.
        var sheet = XlsxWriter.Write("绩效目标申报表", [
            ["项目代码", "项目名称", "单位名称", "版本", "状态", "总体目标", "年度目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值"],
            [project.Code, project.Name, null, null, null, "总体目标", "年度目标", "成本指标", "经济成本指标", "单位成本", "≤", "≤600元"],
            [project.Code, null, null, null, null, null, null, "产出指标", "成本指标", "课桌椅单价", "≤", "≤600元/套"],
        ]);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(Year.ToString()), "year");
        var file = new ByteArrayContent(sheet);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "申报表.xlsx");
        var imported = await city.PostAsync("/api/targets/sheet", form);
        var report = (await imported.Content.ReadJsonAsync<Report>())!;
        var frameIssues = report.Issues.Where(i => i.Message.Contains("指标框架")).ToList();
        var outside = Assert.Single(frameIssues);
        Assert.Equal((3, "成本指标"), (outside.Row, outside.Value));
        Assert.Contains("成本指标为一级指标的框架", outside.Message);
        Assert.False(report.Committed);
    }

    private static void AssertCostLevel1Lists(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var lists = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DataValidation>().Select(v => v.Formula1!.Text).ToList();
        Assert.Contains(lists, l => l.Contains("经济成本指标") && l.Contains("数量指标"));
    }

    /// <summary>长治市财政局绩效管理科 and its performance division account, which covers both counties.</summary>
    private static async Task<HttpClient> PrefecturePerformanceAsync(JixiaoApp app)
    {
        const string userName = "cz.perf";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem("test");
            var db = scope.ServiceProvider.GetRequiredService<SystemDbContext>();
            if (!await db.Users.AnyAsync(u => u.UserName == userName))
            {
                var bureau = OrgUnit.Create("140400", "001", "长治市财政局", OrgKind.FinanceBureau, null, null);
                db.OrgUnits.Add(bureau);
                await db.SaveChangesAsync();
                var division = OrgUnit.Create("140400", "00102", "长治市财政局绩效管理科", OrgKind.Division, DivisionKind.Performance, bureau);
                db.OrgUnits.Add(division);
                await db.SaveChangesAsync();
                var hash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<AppUser>>().HashPassword(new AppUser(), DemoCounty.Password);
                db.Users.Add(scope.ServiceProvider.GetRequiredService<DemoSeeder>()
                    .NewUser(userName, "长治市绩效管理科", "140400", division.Id, [Role.PerformanceDivision], hash));
                await db.SaveChangesAsync();
            }
        }
        return await app.ClientForAsync(userName);
    }
}
