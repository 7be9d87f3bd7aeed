using Jixiao.Tests.Shared;
using Jixiao.Domain.Panels;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Browser.Tests;

/// <summary>
/// An expert panel in the browser: finance draws the experts from an announced seed on the page, the expert finds the panel on its
/// workbench, a form with an item left blank is refused naming the item, the full form is kept; finance reads the expert's scores.
/// </summary>
public sealed class PanelTests(BrowserApp browser)
{
    [Fact]
    public async Task Panel_FinanceDraws_ExpertScores_FinanceReadsTheScores()
    {
        var app = await browser.AppAsync();
        var title = $"教育科技局部门整体目标评审（浏览器 {Random.Shared.Next(1000, 9999)}）";
        // The seed announced on the spot: one that seats the expert account (anyone can re-run the draw from it).
        var seed = await app.AsSystemAsync<SystemDbContext, string>(async db =>
        {
            var pool = (await db.Experts.Where(e => e.RegionCode == DemoCounty.RegionCode).ToListAsync()).Select(e => e.AsCandidate()).ToList();
            var education = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "106");
            var account = pool.Single(e => e.Name == DemoExperts.AccountExpert).Id;
            return Enumerable.Range(0, 10_000).Select(n => $"BP-{n:0000}").First(s => ExpertDraw.Draw(s, [new("general", 2), new("education", 1)], pool,
                new Dictionary<long, string> { [education.Id] = education.Name }, new HashSet<string>()).Any(d => d.Expert.Id == account));
        });

        await using var finance = await browser.NewSessionAsync();
        await finance.LoginAsync("perf");
        await finance.GotoAsync("/Panels/Draw");
        var form = finance.Page.GetByTestId("panel-form");
        await form.GetByLabel("名称", new() { Exact = true }).FillAsync(title);
        await form.GetByLabel("部门整体", new() { Exact = true }).CheckAsync();
        await form.GetByLabel("部门（部门整体、政策的牵头部门）").SelectOptionAsync(new SelectOptionValue { Label = "106 襄垣县教育科技局" });
        await form.GetByLabel("共性（通用）").FillAsync("2");
        await form.GetByLabel("教育", new() { Exact = true }).FillAsync("1");
        await form.GetByLabel("抽签种子").FillAsync(seed);
        await finance.SubmitAsync(form.GetByRole(AriaRole.Button, new() { Name = "抽取专家" }));
        await Expect(finance.Page.GetByTestId("panel-state")).ToHaveTextAsync("评分中");
        await Expect(finance.Page.GetByTestId("panel-seed")).ToContainTextAsync(seed);
        await Expect(finance.Page.GetByTestId("member")).ToHaveCountAsync(3);
        await Expect(finance.Page.GetByTestId("panel-members")).ToContainTextAsync(DemoExperts.AccountExpert);
        var url = new Uri(finance.Page.Url).AbsolutePath;

        // The expert finds it on the workbench and opens it.
        await using var expert = await browser.NewSessionAsync();
        await expert.LoginAsync("expert");
        await expert.GotoAsync("/");
        await expert.SubmitAsync(expert.Page.GetByTestId("pending").GetByRole(AriaRole.Link, new() { Name = $"待评分：{title}" }));
        await Expect(expert.Page.GetByTestId("panel-title")).ToHaveTextAsync(title);
        await Expect(expert.Page.GetByTestId("panel-members")).ToHaveCountAsync(0);
        await Expect(expert.Page.GetByTestId("panel-seed")).ToHaveCountAsync(0);

        // An item left blank: refused, naming it; what was typed stays.
        var scores = expert.Page.GetByTestId("score-form");
        await scores.GetByLabel("完整性").FillAsync("22");
        await scores.GetByLabel("相关性").FillAsync("21.5");
        await scores.GetByLabel("适当性").FillAsync("20");
        await scores.GetByLabel("评审意见").FillAsync("年度目标与部门职责衔接不够，建议补充学前教育普及率指标。");
        await expert.SubmitAsync(scores.GetByRole(AriaRole.Button, new() { Name = "提交评分" }));
        await Expect(expert.Page.GetByTestId("form-error")).ToContainTextAsync("请为“可行性”打分");
        await Expect(expert.Page.GetByTestId("score-form").GetByLabel("相关性")).ToHaveValueAsync("21.5");

        await expert.Page.GetByTestId("score-form").GetByLabel("可行性").FillAsync("18");
        await expert.SubmitAsync(expert.Page.GetByTestId("score-form").GetByRole(AriaRole.Button, new() { Name = "提交评分" }));
        await Expect(expert.Page.GetByTestId("my-scores")).ToContainTextAsync("已评分 81.5 分");
        await Expect(expert.Page.GetByTestId("panel-progress")).ToHaveTextAsync("1 / 3 位专家已评分");

        // Finance reads the expert's scores item by item.
        await finance.GotoAsync(url);
        var line = finance.Page.GetByTestId("member").Filter(new() { HasText = DemoExperts.AccountExpert });
        await Expect(line).ToContainTextAsync("完整性 22；相关性 21.5；适当性 20；可行性 18");
        await Expect(line).ToContainTextAsync("81.5");
    }
}
