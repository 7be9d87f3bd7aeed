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
/// A 财政重点评价 by an agency in the browser, as the bureau runs it: finance plans the evaluation of last year's project (the
/// engagement is planned with it) and draws the agency; the agency delivers 评价方案 → 现场核查 → 报告初稿 → 报告终稿, each stage
/// confirmed by the school and finance; finance scores the report's quality, enters the agency's scores item by item, records a
/// finding, drafts the report and concludes — and the grade and the finding show on the project's page.
/// </summary>
public sealed class EvaluationPlanTests(BrowserApp browser)
{
    private static readonly byte[] Pdf = "%PDF-1.7\n评价成果\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task KeyEvaluation_FinancePlans_DrawsAgency_StagesDelivered_ReportScored_GradeAndFindingOnTheProject()
    {
        var app = await browser.AppAsync();
        var year = Jixiao.Domain.BusinessCalendar.YearOf(DateTimeOffset.UtcNow) - 1;
        var code = $"PJB{Random.Shared.Next(100_000, 999_999)}";
        var projectId = await app.AsSystemAsync<SystemDbContext, long>(async db =>
        {
            var school = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10605");
            var project = TestProjects.Budgeted(school, year, code, "课后服务保障");
            db.Projects.Add(project);
            // The firm also works on this year's engagements of the other walks: last year's settings let it take up to ten at once.
            if (!await db.EngagementSettings.AnyAsync(x => x.RegionCode == DemoCounty.RegionCode && x.FiscalYear == year))
            {
                var setting = EngagementSetting.Create(DemoCounty.RegionCode, year);
                setting.Set(string.Join("\n", StagePlan.Default), ScoringForm.ReportQuality.Write(), RatingWeights.Default, new LotteryRules(MaxOpenEngagements: 10),
                    DateTime.UtcNow);
                db.EngagementSettings.Add(setting);
            }
            await db.SaveChangesAsync();
            return project.Id;
        });

        // Finance plans the key evaluation, by an agency.
        await using var finance = await browser.NewSessionAsync();
        await finance.LoginAsync("perf");
        await finance.GotoAsync($"/EvaluationPlans?Year={year}");
        await finance.Page.GetByTestId("create").Locator("summary").ClickAsync();
        var form = finance.Page.GetByTestId("create-form");
        await form.GetByLabel("评价名称").FillAsync("实验小学课后服务保障重点绩效评价（浏览器）");
        await form.GetByLabel("评价主体").SelectOptionAsync(new SelectOptionValue { Label = "委托第三方机构" });
        await form.GetByLabel("项目代码", new() { Exact = false }).FillAsync(code);
        await form.GetByLabel("委托费用（万元，委托第三方时）").FillAsync("3.8");
        await finance.SubmitAsync(form.GetByTestId("create-plan"));
        await Expect(finance.Page.GetByTestId("plan-state")).ToHaveTextAsync("已计划");
        var planUrl = finance.Page.Url.Split('#')[0];

        // The engagement planned with it: finance draws the demo firm from an announced seed.
        await finance.Page.GetByTestId("engagement-link").ClickAsync();
        var engagementId = long.Parse(finance.Page.Url.Split('/').Last().Split('#')[0]);
        var seed = await app.AsSystemAsync<SystemDbContext, string>(async db =>
        {
            var eligible = (await EngagementWork.EligibilityAsync(db, engagementId, Jixiao.Domain.BusinessCalendar.DateOf(DateTimeOffset.UtcNow), default))!;
            var firm = eligible.Single(e => e.AgencyName == DemoAgencies.AccountFirm).AgencyId;
            var ids = eligible.Where(e => e.Eligible).Select(e => e.AgencyId).ToList();
            return Enumerable.Range(0, 10_000).Select(n => $"PL-{n:0000}").First(s => Draws.Order(s, ids, i => i.ToString())[0] == firm);
        });
        await finance.Page.GetByTestId("draw-form").GetByLabel("抽签种子", new() { Exact = false }).FillAsync(seed);
        await finance.SubmitAsync(finance.Page.GetByRole(AriaRole.Button, new() { Name = "抽签确定机构" }));
        await Expect(finance.Page.GetByTestId("engagement-agency")).ToHaveTextAsync(DemoAgencies.AccountFirm);
        var engagementUrl = $"/Engagements/Details/{engagementId}";

        // The four stages, each delivered by the agency and confirmed by the school and finance.
        await using var agency = await browser.NewSessionAsync();
        await agency.LoginAsync("agency");
        await using var unit = await browser.NewSessionAsync();
        await unit.LoginAsync("shiyan");
        foreach (var (stage, file) in new[] { (1, "评价方案.pdf"), (2, "现场核查记录.pdf"), (3, "评价报告初稿.pdf"), (4, "评价报告终稿.pdf") })
        {
            await agency.GotoAsync(engagementUrl);
            var box = agency.Page.GetByTestId($"stage-{stage}");
            await box.GetByTestId("evidence").GetByLabel("文件").SetInputFilesAsync(new FilePayload { Name = file, MimeType = "application/pdf", Buffer = Pdf });
            await agency.SubmitAsync(box.GetByTestId("evidence").GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }));
            await agency.SubmitAsync(agency.Page.GetByTestId($"stage-{stage}").GetByTestId("stage-Submit"));
            await unit.GotoAsync(engagementUrl);
            await unit.SubmitAsync(unit.Page.GetByTestId($"stage-{stage}").GetByTestId("stage-Confirm"));
            await finance.GotoAsync(engagementUrl);
            await finance.SubmitAsync(finance.Page.GetByTestId($"stage-{stage}").GetByTestId("stage-Confirm"));
            await Expect(finance.Page.GetByTestId($"stage-{stage}").GetByTestId("stage-state")).ToHaveTextAsync("已确认");
        }
        await Expect(finance.Page.GetByTestId("engagement-state")).ToHaveTextAsync("已完成");

        // Finance scores the final report's quality.
        var quality = finance.Page.GetByTestId("report-score-form");
        foreach (var (i, points) in new[] { (0, "9"), (1, "22"), (2, "21"), (3, "18"), (4, "17") })
            await quality.GetByTestId($"points-{i}").FillAsync(points);
        await finance.SubmitAsync(quality.GetByTestId("score-report"));
        await Expect(finance.Page.GetByTestId("report-score-value")).ToHaveTextAsync("87");

        // The agency's scores item by item (one deduction with its reason), a finding, the report drafted, concluded.
        await finance.GotoAsync(planUrl);
        await Expect(finance.Page.GetByTestId("evaluator")).ToContainTextAsync("各阶段成果均已三方确认");
        var items = finance.Page.GetByTestId("score-form").GetByTestId("item");
        var count = await items.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var row = items.Nth(i);
            var name = (await row.Locator("td").Nth(2).InnerTextAsync()).Trim();
            var points = (await row.Locator("td").Nth(3).InnerTextAsync()).Trim();
            await row.GetByLabel($"{name} 得分").FillAsync(name == "服务对象满意度" ? "6" : points);
            if (name == "服务对象满意度") await row.GetByLabel($"{name} 评分说明").FillAsync("家长满意度 82%，低于 90%");
        }
        await finance.SubmitAsync(finance.Page.GetByTestId("save-scores"));
        await Expect(finance.Page.GetByTestId("plan-state")).ToHaveTextAsync("评价中");
        var findings = finance.Page.GetByTestId("findings-form");
        await findings.GetByLabel("第 1 条问题").FillAsync("课后服务家长满意度调查覆盖面不足");
        await findings.GetByLabel("第 1 条原因").FillAsync("问卷只发放到两个年级");
        await findings.GetByLabel("第 1 条建议").FillAsync("扩大问卷覆盖全部年级，按学期开展满意度调查");
        await findings.GetByLabel("第 1 条所涉项目").SelectOptionAsync(new SelectOptionValue { Label = "课后服务保障" });
        await finance.SubmitAsync(findings.GetByTestId("save-findings"));
        await finance.SubmitAsync(finance.Page.GetByTestId("draft-report"));
        await Expect(finance.Page.Locator("#section-综合评价情况及评价结论")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("综合评分 96 分，评价等级为“优”"));
        await finance.SubmitAsync(finance.Page.GetByTestId("conclude"));
        await Expect(finance.Page.GetByTestId("plan-grade")).ToHaveTextAsync("96 分 · 优");
        await Expect(finance.Page.GetByTestId("score-explanation")).ToContainTextAsync("= 96 分");

        // The project shows the grade and the finding, to the school too.
        await unit.GotoAsync($"/Projects/Details/{projectId}");
        await Expect(unit.Page.GetByTestId("plan-grade")).ToContainTextAsync("96 分 · 优");
        await Expect(unit.Page.GetByTestId("plan-finding")).ToContainTextAsync("课后服务家长满意度调查覆盖面不足");
        if (Environment.GetEnvironmentVariable("JIXIAO_SCREENSHOTS") == "1")
            await finance.Page.ScreenshotAsync(new() { Path = "/tmp/plan-concluded.png", FullPage = true });
        Assert.Empty(finance.Problems.Concat(agency.Problems).Concat(unit.Problems));
    }
}
