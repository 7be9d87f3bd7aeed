using Jixiao.Tests.Shared;
using Jixiao.Domain.Engagements;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Engagements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Browser.Tests;

/// <summary>
/// The walk of a 委托 through its first stage in the browser, as the three parties do it: finance plans it and draws the agency
/// from an announced seed, the agency uploads and submits its plan, the school objects, the agency uploads the revision and
/// re-submits, school and finance confirm — and the field-work stage opens for the agency.
/// </summary>
public sealed class EngagementTests(BrowserApp browser)
{
    private static readonly byte[] Pdf = "%PDF-1.7\n评价方案\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task Engagement_FinanceDraws_AgencySubmits_UnitObjects_AgencyResubmits_AllConfirm_NextStageOpens()
    {
        var app = await browser.AppAsync();
        var year = Jixiao.Domain.BusinessCalendar.YearOf(DateTimeOffset.UtcNow);
        var projectCode = $"WTB{Random.Shared.Next(100_000, 999_999)}";
        await app.AsSystemAsync<SystemDbContext>(async db =>
        {
            var school = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10605");
            db.Projects.Add(TestProjects.Budgeted(school, year, projectCode, "课后服务"));
            await db.SaveChangesAsync();
        });

        // Finance plans the engagement and draws.
        await using var finance = await browser.NewSessionAsync();
        await finance.LoginAsync("perf");
        await finance.GotoAsync("/Engagements/Plan");
        var form = finance.Page.GetByTestId("plan-form");
        await form.GetByLabel("委托名称").FillAsync("实验小学项目重点绩效评价（浏览器）");
        await form.GetByLabel("委托范围").SelectOptionAsync(new SelectOptionValue { Label = "财政重点评价" });
        await form.GetByLabel("项目", new() { Exact = true }).CheckAsync();
        await form.GetByLabel("项目代码（评价项目时）").FillAsync(projectCode);
        await form.GetByLabel("费用（元）").FillAsync("38000");
        await finance.SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "保存委托" }));
        await Expect(finance.Page.GetByTestId("engagement-state")).ToHaveTextAsync("待抽签");
        await Expect(finance.Page.GetByTestId("eligibility")).ToContainTextAsync("与被评价单位“襄垣县教育科技局”有利益冲突");
        var id = long.Parse(finance.Page.Url.Split('/').Last().Split('#')[0]);

        // The seed announced on the spot: one that draws the demo firm (anyone can re-run the order from it).
        var seed = await app.AsSystemAsync<SystemDbContext, string>(async db =>
        {
            var eligible = (await EngagementWork.EligibilityAsync(db, id, Jixiao.Domain.BusinessCalendar.DateOf(DateTimeOffset.UtcNow), default))!;
            var firm = eligible.Single(e => e.AgencyName == DemoAgencies.AccountFirm).AgencyId;
            var ids = eligible.Where(e => e.Eligible).Select(e => e.AgencyId).ToList();
            return Enumerable.Range(0, 10_000).Select(n => $"BR-{n:0000}").First(s => Draws.Order(s, ids, i => i.ToString())[0] == firm);
        });
        await finance.Page.GetByTestId("draw-form").GetByLabel("抽签种子", new() { Exact = false }).FillAsync(seed);
        await finance.SubmitAsync(finance.Page.GetByRole(AriaRole.Button, new() { Name = "抽签确定机构" }));
        await Expect(finance.Page.GetByTestId("engagement-agency")).ToHaveTextAsync(DemoAgencies.AccountFirm);
        await Expect(finance.Page.GetByTestId("draw-seed")).ToHaveTextAsync(seed);
        var url = $"/Engagements/Details/{id}";

        // The agency uploads its plan and submits it.
        await using var agency = await browser.NewSessionAsync();
        await agency.LoginAsync("agency");
        await agency.GotoAsync(url);
        await Expect(agency.Page.GetByTestId("draw-record")).ToHaveCountAsync(0);
        await UploadAndSubmitAsync(agency, "评价方案.pdf", "评价方案第一稿");
        await Expect(agency.Page.GetByTestId("stage-1").GetByTestId("stage-state")).ToHaveTextAsync("待确认");

        // The school objects with its reason.
        await using var unit = await browser.NewSessionAsync();
        await unit.LoginAsync("shiyan");
        await unit.GotoAsync(url);
        var stage = unit.Page.GetByTestId("stage-1");
        await stage.GetByLabel("意见（提出异议时必须写明理由）").FillAsync("请补充家长满意度问卷");
        await unit.SubmitAsync(stage.GetByTestId("stage-Object"));
        await Expect(unit.Page.GetByTestId("stage-1").GetByTestId("stage-state")).ToHaveTextAsync("有异议");

        // The agency re-uploads and re-submits; school and finance confirm; the next stage opens.
        await agency.GotoAsync(url);
        await Expect(agency.Page.GetByTestId("stage-1").GetByTestId("stage-history")).ToContainTextAsync("请补充家长满意度问卷");
        await UploadAndSubmitAsync(agency, "评价方案（修改稿）.pdf", "已补充家长问卷");
        await unit.GotoAsync(url);
        await unit.SubmitAsync(unit.Page.GetByTestId("stage-1").GetByTestId("stage-Confirm"));
        await finance.GotoAsync(url);
        await finance.SubmitAsync(finance.Page.GetByTestId("stage-1").GetByTestId("stage-Confirm"));
        await Expect(finance.Page.GetByTestId("stage-1").GetByTestId("stage-state")).ToHaveTextAsync("已确认");
        await Expect(finance.Page.GetByTestId("stage-2").GetByTestId("stage-state")).ToHaveTextAsync("待提交");
        await Expect(finance.Page.GetByTestId("stage-1").GetByTestId("stage-history").Locator("tr")).ToHaveCountAsync(6);
        await agency.GotoAsync("/Engagements");
        await Expect(agency.Page.GetByTestId("todo")).ToContainTextAsync("实验小学项目重点绩效评价（浏览器）");
        if (Environment.GetEnvironmentVariable("JIXIAO_SCREENSHOTS") == "1")
            await finance.Page.ScreenshotAsync(new() { Path = "/tmp/engagement-confirmed.png", FullPage = true });
        Assert.Empty(finance.Problems.Concat(agency.Problems).Concat(unit.Problems));
    }

    private static async Task UploadAndSubmitAsync(BrowserSession agency, string file, string note)
    {
        var stage = agency.Page.GetByTestId("stage-1");
        await stage.GetByTestId("evidence").GetByLabel("文件").SetInputFilesAsync(new FilePayload { Name = file, MimeType = "application/pdf", Buffer = Pdf });
        await agency.SubmitAsync(stage.GetByTestId("evidence").GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }));
        stage = agency.Page.GetByTestId("stage-1");
        await Expect(stage.GetByTestId("evidence")).ToContainTextAsync(file);
        await stage.GetByLabel("提交说明（可选）").FillAsync(note);
        await agency.SubmitAsync(stage.GetByTestId("stage-Submit"));
    }
}
