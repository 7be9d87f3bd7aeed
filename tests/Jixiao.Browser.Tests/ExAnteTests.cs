using System.Text.RegularExpressions;
using Jixiao.Domain;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Panels;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Engagements;
using Jixiao.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Browser.Tests;

/// <summary>
/// 事前绩效评估 through the pages, "先评估后入库": a new 800万 project of next year's library is caught by finance's screening; the unit
/// writes its report against the five dimensions, attaches a PDF and submits; finance draws an expert panel for it from the page,
/// the experts score it to 70 and finance concludes 调整完善后予以支持 with a 600万 cap; the unit's revision above the cap is refused,
/// at the cap it is accepted; then the budget import refuses a 年初批复 of 700万 naming the project and both amounts, and commits
/// one of 600万. The test's own project (a "测试…" name), so the demo's evaluations stay as other tests read them.
/// With <c>JIXIAO_SCREENSHOTS=1</c> it saves the evaluation page at three steps into screenshots/.
/// </summary>
public sealed class ExAnteTests(BrowserApp browser)
{
    [Fact]
    public async Task ExAnte_ScreenedReportedPanelScored_AdjustedWithCap_RevisionAccepted_ImportRefusedAboveCapCommittedAtCap()
    {
        var app = await browser.AppAsync();
        var year = BusinessCalendar.YearOf(DateTimeOffset.UtcNow) + 1;
        var name = $"测试事前评估综合楼建设{Random.Shared.Next(10_000, 99_999)}";
        var code = $"{DemoCounty.RegionCode}{year}{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}";
        // A new specific-purpose project of next year asking for 800万: the screening rule of 500万 holds for it.
        var (projectId, unitId) = await app.AsSystemAsync<SystemDbContext, (long, long)>(async db =>
        {
            var unit = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10602");
            var project = Project.Create(DemoCounty.RegionCode, year, unit, unit.ParentId, new Project.Details(code, name, ProjectLevel.Level1,
                ProjectCategory.SpecificPurpose, Recurrence.OneOff, year, year, LibraryStatus.Reserve, BudgetKind.General, TransferLevel.None, FundTags.None,
                new DateOnly(year - 1, 10, 1), RequestedAmount: 8_000_000m));
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            return (project.Id, unit.Id);
        });

        // 1. Finance screens next year's library: the project is listed, waiting for the unit, with the rule that caught it.
        await using var finance = await browser.NewSessionAsync();
        var perf = finance.Page;
        await finance.LoginAsync("perf");
        await perf.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "事前评估", Exact = true }).ClickAsync();
        await Expect(perf.Locator(".page-title")).ToHaveTextAsync($"事前绩效评估 · {year} 年度");
        await finance.SubmitAsync(perf.GetByTestId("screen"));
        await Expect(perf.GetByTestId("done")).ToContainTextAsync(new Regex($"^{year} 年度：识别 \\d+ 个项目，新列入 [1-9]\\d* 个"));
        await perf.GetByPlaceholder("项目代码、名称或单位").FillAsync(code);
        await finance.SubmitAsync(finance.Button("查询"));
        var row = perf.GetByTestId("evaluation");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(name);
        await Expect(row).ToContainTextAsync("新增项目，金额 800.00 万元 ≥ 500.00 万元");
        await Expect(row).ToContainTextAsync("待评估");

        // 2. The unit writes its report, attaches its application and submits.
        await using var unit = await browser.NewSessionAsync();
        var yz = unit.Page;
        await unit.LoginAsync("yizhong");
        await yz.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "事前评估", Exact = true }).ClickAsync();
        await yz.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Expect(yz.GetByTestId("exante-title")).ToHaveTextAsync(name);
        await Expect(yz.GetByTestId("exante-status")).ToHaveTextAsync("待评估");
        await Expect(yz.GetByTestId("gate")).ToContainTextAsync("暂不能安排预算");
        var evaluationUrl = new Uri(yz.Url).AbsolutePath;

        var evidence = yz.GetByTestId("evidence");
        var pdf = "%PDF-1.7\n"u8.ToArray().Concat(new byte[50_000]).ToArray();
        await evidence.GetByLabel("文件").SetInputFilesAsync(new FilePayload { Name = "综合楼项目申报书.pdf", MimeType = "application/pdf", Buffer = pdf });
        await unit.SubmitAsync(evidence.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }));
        await Expect(yz.GetByTestId("evidence-done")).ToHaveTextAsync("已上传附件《综合楼项目申报书.pdf》。");

        var report = yz.GetByTestId("submit-form");
        await report.GetByLabel("立项必要性", new() { Exact = true }).FillAsync("现有教学楼建于上世纪八十年代，经鉴定为危房，学位缺口约 600 个，新建综合楼是落实义务教育办学标准的需要。");
        await report.GetByLabel("投入经济性", new() { Exact = true }).FillAsync("按本地同类校舍近三年中标单价测算，每平方米 3200 元，比选了加固改造与新建两种方案，新建全寿命周期成本较低。");
        await report.GetByLabel("绩效目标合理性", new() { Exact = true }).FillAsync("目标与学位缺口对应，产出、效益和满意度指标齐全，指标值参考了县教育事业发展规划。");
        await report.GetByLabel("实施方案可行性", new() { Exact = true }).FillAsync("用地已划拨，规划许可已取得，施工期 14 个月，分两期实施，责任分工和进度安排明确。");
        await report.GetByLabel("筹资合规性", new() { Exact = true }).FillAsync("资金来源为县级一般公共预算和上级教育专项补助，不涉及新增隐性债务。");
        await report.GetByLabel("项目申报书", new() { Exact = true }).CheckAsync();
        await report.GetByLabel("项目实施方案", new() { Exact = true }).CheckAsync();
        await Expect(report.GetByLabel("申报金额（万元）")).ToHaveValueAsync("800");
        await report.GetByLabel("总体目标").FillAsync("建成教学综合楼 5000 平方米，消除校舍安全隐患，新增学位 600 个。");
        await report.GetByLabel("年度目标").FillAsync("年内完成主体工程并通过验收。");
        await report.GetByLabel("拟定绩效指标（每行一个）").FillAsync("产出指标|数量指标|新建校舍面积|≥|5000|平方米\n满意度指标|服务对象满意度指标|师生满意度|≥|90|%");
        await unit.SubmitAsync(report.GetByTestId("submit-report"));
        await Expect(yz.GetByTestId("exante-status")).ToHaveTextAsync("评估中");
        await Expect(yz.GetByTestId("report")).ToContainTextAsync("经鉴定为危房");
        await Expect(yz.GetByTestId("materials")).ToContainTextAsync("☑ 项目申报书");
        await Expect(yz.GetByTestId("indicators")).ToContainTextAsync("新建校舍面积");
        await Expect(yz.GetByTestId("evidence-file")).ToContainTextAsync("综合楼项目申报书.pdf");
        await Expect(yz.GetByTestId("conclude-form")).ToHaveCountAsync(0);
        await ImportTests.ScreenshotAsync(yz, "40-exante-submitted-yizhong");

        // 3. Finance draws an expert panel for the project from the evaluation page, with a seed announced on the spot that seats the expert account.
        var seed = await app.AsSystemAsync<SystemDbContext, string>(async db =>
        {
            var pool = (await db.Experts.Where(e => e.RegionCode == DemoCounty.RegionCode).ToListAsync()).Select(e => e.AsCandidate()).ToList();
            var account = pool.Single(e => e.Name == DemoExperts.AccountExpert).Id;
            var evaluated = await EngagementWork.EvaluatedAsync(db, [unitId], CancellationToken.None);
            return Enumerable.Range(0, 10_000).Select(n => $"EA-{n:0000}").First(s => ExpertDraw.Draw(s, [new("general", 2), new("education", 1)], pool,
                evaluated, new HashSet<string>()).Any(d => d.Expert.Id == account));
        });
        await finance.GotoAsync(evaluationUrl);
        await Expect(perf.GetByTestId("exante-status")).ToHaveTextAsync("评估中");
        await perf.GetByTestId("draw-panel").ClickAsync();
        var draw = perf.GetByTestId("panel-form");
        await Expect(draw.GetByLabel("名称", new() { Exact = true })).ToHaveValueAsync($"{name}事前评估评审");
        await Expect(draw.GetByLabel("评审事项")).ToHaveValueAsync(nameof(PanelPurpose.ExAnteReview));
        await Expect(draw.GetByLabel("项目代码（评审项目时，可多个，每行一个）")).ToHaveValueAsync(code);
        await Expect(draw.GetByLabel("年度", new() { Exact = true })).ToHaveValueAsync($"{year}");
        await draw.GetByLabel("共性（通用）").FillAsync("2");
        await draw.GetByLabel("教育", new() { Exact = true }).FillAsync("1");
        await draw.GetByLabel("抽签种子").FillAsync(seed);
        await finance.SubmitAsync(draw.GetByRole(AriaRole.Button, new() { Name = "抽取专家" }));
        await Expect(perf.GetByTestId("panel-state")).ToHaveTextAsync("评分中");
        await Expect(perf.GetByTestId("member")).ToHaveCountAsync(3);
        var panelId = long.Parse(new Uri(perf.Url).AbsolutePath.Split('/').Last());

        // 4. The experts score: the account expert on the page (70), the two without accounts as they would give it (72, 68).
        await using (var expert = await browser.NewSessionAsync())
        {
            await expert.LoginAsync("expert");
            await expert.GotoAsync($"/Panels/Details/{panelId}");
            var scores = expert.Page.GetByTestId("score-form");
            foreach (var item in new[] { "立项必要性", "投入经济性", "绩效目标合理性", "实施方案可行性", "筹资合规性" })
                await scores.GetByLabel(item, new() { Exact = true }).FillAsync("14");
            await scores.GetByLabel("评审意见").FillAsync("建设必要，单价测算偏高，建议压减附属工程，按 600 万元控制。");
            await expert.SubmitAsync(scores.GetByRole(AriaRole.Button, new() { Name = "提交评分" }));
            await Expect(expert.Page.GetByTestId("my-scores")).ToContainTextAsync("已评分 70 分");
        }
        await app.AsSystemAsync<SystemDbContext>(async db =>
        {
            var panel = await db.Panels.SingleAsync(p => p.Id == panelId);
            var account = await db.Experts.Where(e => e.Name == DemoExperts.AccountExpert).Select(e => e.Id).SingleAsync();
            var others = panel.Members.Where(m => m.Sitting && m.ExpertId != account).Select(m => m.ExpertId).ToList();
            foreach (var (expertId, points) in others.Zip(new decimal[][] { [15, 15, 14, 14, 14], [14, 14, 13, 13, 14] }))
                panel.Score(expertId, new Dictionary<string, decimal>
                    { ["立项必要性"] = points[0], ["投入经济性"] = points[1], ["绩效目标合理性"] = points[2], ["实施方案可行性"] = points[3], ["筹资合规性"] = points[4] },
                    "方案基本可行，建议压减投资。", DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

        // 5. Finance concludes from the closed panel: 70 is between 60 and 80, so 调整完善后予以支持, with a 600万 cap.
        await finance.GotoAsync(evaluationUrl);
        var conclude = perf.GetByTestId("conclude-form");
        await Expect(perf.GetByTestId("thresholds")).ToContainTextAsync("≥ 80 分予以支持，60–80 分调整完善后予以支持，< 60 分不予支持");
        await conclude.GetByLabel("专家评审", new() { Exact = true }).CheckAsync();
        await conclude.GetByLabel("专家评审组（专家评审时）").SelectOptionAsync($"{panelId}");
        await Expect(conclude.GetByLabel("专家评审组（专家评审时）")).ToContainTextAsync("已出结果，结果 70 分");
        await conclude.GetByLabel(new Regex("^结论理由")).FillAsync("项目必要，但附属工程和单价测算偏高，请压减至 600 万元以内并补充分期实施计划。");
        await conclude.GetByLabel("建议预算控制数（万元，可空）").FillAsync("600");
        await finance.SubmitAsync(conclude.GetByTestId("conclude"));
        await Expect(perf.GetByTestId("exante-status")).ToHaveTextAsync("调整完善后予以支持");
        await Expect(perf.GetByTestId("score")).ToHaveTextAsync("70");
        await Expect(perf.GetByTestId("score-explanation")).ToContainTextAsync("3 人评分：(68 + 70 + 72) ÷ 3 = 70");
        await Expect(perf.GetByTestId("score-explanation")).ToContainTextAsync("结论为“调整完善后予以支持”");
        await Expect(perf.GetByTestId("cap")).ToHaveTextAsync("600.00 万元");
        await Expect(perf.GetByTestId("gate")).ToContainTextAsync("须先由单位提交调整完善后的申报材料并经财政确认");
        await ImportTests.ScreenshotAsync(perf, "41-exante-concluded-perf");

        // 6. The unit's revision: above the cap it is refused with both amounts; at the cap it goes to finance.
        await unit.GotoAsync(evaluationUrl);
        await Expect(yz.GetByTestId("reasons")).ToContainTextAsync("请压减至 600 万元以内");
        var revise = yz.GetByTestId("revise-form");
        await Expect(revise.GetByLabel("调整后申报金额（万元）")).ToHaveValueAsync("600");
        await revise.GetByLabel(new Regex("^修改说明")).FillAsync("取消地下车库和连廊等附属工程，按中标均价重新测算单价，补充了分两期实施的计划。");
        await revise.GetByLabel("调整后申报金额（万元）").FillAsync("700");
        await unit.SubmitAsync(revise.GetByTestId("submit-revision"));
        await Expect(yz.GetByTestId("revise-form").GetByTestId("form-error")).ToContainTextAsync("调整后申报金额 700.00 万元超过建议预算控制数 600.00 万元");
        await Expect(yz.GetByTestId("revise-form").GetByLabel(new Regex("^修改说明"))).ToHaveValueAsync(new Regex("^取消地下车库"));
        await yz.GetByTestId("revise-form").GetByLabel("调整后申报金额（万元）").FillAsync("600");
        await unit.SubmitAsync(yz.GetByTestId("submit-revision"));
        await Expect(yz.GetByTestId("exante-state")).ToHaveTextAsync("修改稿待确认");
        await Expect(yz.GetByTestId("revised-amount")).ToHaveTextAsync("600.00 万元");
        await Expect(yz.GetByTestId("gate")).ToContainTextAsync("修改稿待财政确认");

        // 7. Finance accepts the revision: the budget may now be approved, up to the cap.
        await finance.GotoAsync(evaluationUrl);
        var decide = perf.GetByTestId("revision-form");
        await decide.GetByLabel(new Regex("^意见")).FillAsync("调整后的实施方案和测算可行，同意按控制数安排。");
        await finance.SubmitAsync(decide.GetByTestId("accept-revision"));
        await Expect(perf.GetByTestId("exante-state")).ToHaveTextAsync("修改稿已确认");
        await Expect(perf.GetByTestId("revision-opinion")).ToHaveTextAsync("调整后的实施方案和测算可行，同意按控制数安排。");
        await Expect(perf.GetByTestId("gate")).ToHaveTextAsync("可以安排预算：年初批复合计不超过建议预算控制数 600.00 万元（超过时导入被拒绝）。");
        await ImportTests.ScreenshotAsync(perf, "42-exante-revision-accepted-perf");

        // 8. The budget import: a 年初批复 of 700万 is refused naming the project and both amounts; 600万 is committed.
        var folder = Directory.CreateTempSubdirectory("jixiao-exante-");
        try
        {
            string Movements(string file, decimal wan) => ImportTests.Save(folder, file, XlsxWriter.Write("指标", [
                ["文件号", "日期", "项目代码", "变动类型", "金额（万元）", "对方项目代码", "事由"],
                [$"襄财预〔{year}〕{Random.Shared.Next(100, 999)}号", $"{year}-01-10", code, "年初批复", wan, null, "年初预算批复"],
            ]));
            await perf.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "数据导入", Exact = true }).ClickAsync();
            var summary = perf.GetByTestId("report-summary");
            await ImportTests.PreviewAsync(finance, "预算指标变动", year, Movements($"{year}年年初批复（超控制数）.xlsx", 700m));
            await Expect(summary).ToContainTextAsync("未写入任何数据");
            await Expect(perf.GetByTestId("issues")).ToContainTextAsync(
                $"项目“{code} {name}”年初批复合计 700.00 万元，超过事前评估建议预算控制数 600.00 万元，不能批复");
            await Expect(finance.Button("确认导入")).ToHaveCountAsync(0);

            await ImportTests.PreviewAsync(finance, "预算指标变动", year, Movements($"{year}年年初批复.xlsx", 600m));
            await Expect(summary).ToContainTextAsync("可以导入：1 行，新增 1");
            await finance.SubmitAsync(finance.Button("确认导入"));
            await Expect(summary).ToContainTextAsync("已导入：1 行，新增 1");
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        // 9. The project library shows the evaluation's status, and the ledger the 600万.
        await finance.GotoAsync($"/Projects?Year={year}&Keyword={code}");
        await Expect(perf.GetByTestId($"exante-{projectId}")).ToHaveTextAsync("调整完善后予以支持");
        await finance.GotoAsync($"/Projects/Details/{projectId}?AsOf={year}-12-31");
        await Expect(perf.GetByTestId("exante-link")).ToContainTextAsync("调整完善后予以支持");
        await Expect(perf.GetByTestId("figures")).ToContainTextAsync("600.00 万元");

        Assert.Empty(finance.Problems);
        Assert.Empty(unit.Problems);
    }
}
