using Jixiao.Domain.Budget;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.EvaluationPlans;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Browser.Tests;

/// <summary>
/// 整改 in the browser, from a key evaluation's finding to the project's page: finance raises the concluded evaluation's finding as a
/// rectification item; the school writes its measures, attaches its evidence and submits; the department passes it; finance returns it
/// once with a reason, the school adds to it and submits again, the department passes it and finance accepts it — and the project's
/// page shows the chain: the evaluation, the finding, the item and every step with its people. The project goes on; next year's proposal gets
/// the link rules' 调减 (the evaluation was 中) and the recovery of this year's idle money, which the budget division accepts: the page then
/// shows the budget action and the ledger holds the 收回.
/// </summary>
public sealed class RectificationTests(BrowserApp browser)
{
    private static readonly byte[] Pdf = "%PDF-1.7\n整改佐证\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task KeyEvaluationFinding_Raised_UnitRepliesWithEvidence_ReturnedOnceThenAccepted_ChainOnTheProject()
    {
        var app = await browser.AppAsync();
        var year = Jixiao.Domain.BusinessCalendar.YearOf(DateTimeOffset.UtcNow) - 1;
        var code = $"ZGB{Random.Shared.Next(100_000, 999_999)}";
        const string problem = "食堂设备验收记录不完整，两台设备未按合同组织验收";
        var (projectId, planId) = await app.AsSystemAsync<SystemDbContext, (long, long)>(async db =>
        {
            // A concluded key evaluation of a project of 实验小学, with one finding on it.
            var school = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10605");
            var project = TestProjects.Budgeted(school, year, code, "食堂设备更新");
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            var now = DateTime.UtcNow;
            var plan = EvaluationPlan.Create(DemoCounty.RegionCode, year, code, "实验小学食堂设备更新重点绩效评价（浏览器）", EvaluationKind.Key,
                PlanSubjectKind.Project, PlanEvaluator.Finance, PlanSource.HandPick, null, school.ParentId,
                [new(SubjectKind.Project, project.Id, school.Id, school.ParentId, project.Name, 500_000m)], DateOnly.FromDateTime(now), DateOnly.FromDateTime(now).AddDays(30),
                EvaluationFramework.ProjectTemplate, "perf", now);
            // scored 70 of 100: 中
            plan.Score(plan.Items.ToDictionary(i => i.Name, i => (decimal.Round(i.Points * 0.7m, 1), (string?)"验收和资金管理不规范，按标准扣分")), "perf");
            plan.SetFindings([new FindingInput(problem, "验收流于形式", "补做验收并完善验收记录", 80_000m, project.Id)]);
            plan.WriteReport(PlanReport.Draft(plan, [new SubjectFunds(project.Name, school.Name, 500_000m, 500_000m, 480_000m, null, null)], "绩效管理股", replace: true));
            plan.Conclude(false, "perf", now);
            db.EvaluationPlans.Add(plan);
            await db.SaveChangesAsync();
            return (project.Id, plan.Id);
        });

        // Finance raises the finding from the evaluation's page.
        await using var finance = await browser.NewSessionAsync();
        await finance.LoginAsync("perf");
        await finance.GotoAsync($"/EvaluationPlans/Details/{planId}");
        await finance.Page.GetByTestId("findings").GetByTestId("raise-rectification").ClickAsync();
        await Expect(finance.Page.GetByTestId("batch-findings")).ToContainTextAsync(problem);
        var batch = finance.Page.GetByTestId("batch-form");
        await batch.Locator("[name=Requirement]").FillAsync("补做两台设备的验收，完善验收记录并上传验收单");
        await finance.SubmitAsync(batch.GetByTestId("raise-batch"));
        var itemId = await app.AsSystemAsync<SystemDbContext, long>(db => db.Rectifications.Where(r => r.ProjectId == projectId).Select(r => r.Id).SingleAsync());

        // The school writes its measures, attaches the acceptance record and submits.
        await using var unit = await browser.NewSessionAsync();
        await unit.LoginAsync("shiyan");
        await unit.GotoAsync("/Rectifications?Box=Mine");
        await unit.Page.GetByTestId("rectifications").GetByRole(AriaRole.Link, new() { Name = itemId.ToString(), Exact = true }).ClickAsync();
        await Expect(unit.Page.GetByTestId("problem")).ToHaveTextAsync($"{problem}（原因：验收流于形式）");
        await unit.Page.GetByTestId("evidence").GetByLabel("文件").SetInputFilesAsync(new FilePayload { Name = "设备验收单.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await unit.SubmitAsync(unit.Page.GetByTestId("evidence").GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }));
        await Expect(unit.Page.GetByTestId("evidence")).ToContainTextAsync("设备验收单.pdf");
        await unit.Page.GetByTestId("measures").FillAsync("已补做两台设备的验收");
        await unit.SubmitAsync(unit.Page.GetByTestId("submit-reply"));
        await Expect(unit.Page.GetByTestId("item-status")).ToHaveTextAsync("待主管部门审核");

        // The department passes it to finance, which returns it once with its reason.
        await using var department = await browser.NewSessionAsync();
        await department.LoginAsync("edu");
        await department.GotoAsync($"/Rectifications/Details/{itemId}");
        await department.SubmitAsync(department.Page.GetByTestId("pass"));
        await Expect(department.Page.GetByTestId("item-status")).ToHaveTextAsync("待核实");
        await finance.GotoAsync($"/Rectifications/Details/{itemId}");
        await finance.SubmitAsync(finance.Page.GetByTestId("return"));
        await Expect(finance.Page.GetByTestId("form-error")).ToContainTextAsync("退回必须写明理由");
        await finance.Page.GetByTestId("opinion").FillAsync("请补充验收记录的签字页");
        await finance.SubmitAsync(finance.Page.GetByTestId("return"));
        await Expect(finance.Page.GetByTestId("item-status")).ToHaveTextAsync("整改中");

        // The school sees why, adds to its reply and submits again; the department passes it; finance accepts.
        await unit.GotoAsync($"/Rectifications/Details/{itemId}");
        await Expect(unit.Page.GetByTestId("return-reason")).ToContainTextAsync("请补充验收记录的签字页");
        await unit.Page.GetByTestId("measures").FillAsync("已补做两台设备的验收，验收记录签字页已补齐并上传");
        await unit.SubmitAsync(unit.Page.GetByTestId("submit-reply"));
        await department.GotoAsync($"/Rectifications/Details/{itemId}");
        await department.SubmitAsync(department.Page.GetByTestId("pass"));
        await finance.GotoAsync($"/Rectifications/Details/{itemId}");
        await finance.Page.GetByTestId("opinion").FillAsync("整改到位");
        await finance.SubmitAsync(finance.Page.GetByTestId("pass"));
        await Expect(finance.Page.GetByTestId("item-status")).ToHaveTextAsync("已完成");

        // The project's page: evaluation → finding → item → every step, with its people.
        await finance.GotoAsync($"/Projects/Details/{projectId}");
        var chain = finance.Page.GetByTestId("rectification-chain");
        await Expect(chain).ToContainTextAsync("实验小学食堂设备更新重点绩效评价（浏览器） · 问题 1");
        await Expect(chain).ToContainTextAsync(problem);
        await Expect(chain.GetByTestId("chain-status")).ToHaveTextAsync("已完成");
        await Expect(chain.GetByTestId("chain-step")).ToHaveCountAsync(7);
        await Expect(chain.GetByTestId("chain-step").Nth(3)).ToContainTextAsync("perf（财政绩效股）退回：请补充验收记录的签字页");
        await Expect(chain.GetByTestId("chain-step").Nth(6)).ToContainTextAsync("核实通过：整改到位");
        await Expect(chain.GetByTestId("chain-step").Nth(1)).ToContainTextAsync("shiyan（预算单位填报人）提交整改情况");

        // Next year: the school's project goes on this year (50 万, nothing spent yet) and asks 60 万 for the year after. The budget division
        // generates the suggestions: the key evaluation's 中 suggests 调减 10 % and the recovery of this year's idle money; it accepts, confirming.
        var proposalCode = code + "N";
        var basisId = await app.AsSystemAsync<SystemDbContext, long>(async db =>
        {
            var school = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10605");
            var basis = TestProjects.Budgeted(school, year + 1, code + "B", "食堂设备更新");
            db.Projects.Add(basis);
            db.Projects.Add(Project.Create(DemoCounty.RegionCode, year + 2, school, school.ParentId, new Project.Details(proposalCode, "食堂设备更新",
                ProjectLevel.Level1, ProjectCategory.SpecificPurpose, Recurrence.Recurring, year + 1, year + 2, LibraryStatus.Admitted, BudgetKind.General,
                TransferLevel.None, FundTags.None, new DateOnly(year + 1, 1, 1), 600_000m)));
            await db.SaveChangesAsync();
            db.LedgerMovements.Add(LedgerMovement.Create(basis, MovementKind.InitialApproval, 500_000m, new DateOnly(year + 1, 1, 10), $"襄财预〔{year + 1}〕{code}号", "年初批复"));
            await db.SaveChangesAsync();
            return basis.Id;
        });
        await finance.GotoAsync($"/BudgetLinks?Year={year + 2}");
        await finance.SubmitAsync(finance.Page.GetByTestId("suggest"));
        await Expect(finance.Page.GetByTestId("done")).ToContainTextAsync("生成或更新建议");
        await finance.Page.GetByTestId("links").GetByRole(AriaRole.Link, new() { Name = $"{proposalCode} 食堂设备更新" }).ClickAsync();
        var suggestion = finance.Page.GetByTestId("suggestion");
        await Expect(finance.Page.GetByTestId("result")).ToContainTextAsync($"{year} 年度财政重点评价“实验小学食堂设备更新重点绩效评价（浏览器）”");
        await Expect(finance.Page.GetByTestId("result")).ToContainTextAsync("等级 中");
        await Expect(suggestion).ToContainTextAsync("调减 10%：60.00 × (1 − 10%) = 54.00 万元");
        await Expect(suggestion).ToContainTextAsync("收回闲置资金 50.00 万元");
        await finance.SubmitAsync(finance.Page.GetByTestId("accept"));
        await Expect(finance.Page.GetByTestId("form-error")).ToContainTextAsync("请确认");
        await finance.Page.GetByTestId("confirm-accept").CheckAsync();
        await finance.SubmitAsync(finance.Page.GetByTestId("accept"));
        await Expect(finance.Page.GetByTestId("state")).ToContainTextAsync("已采纳");
        await Expect(finance.Page.GetByTestId("state")).ToContainTextAsync($"调减，{year + 2} 年度安排 54.00 万元（调减 6.00 万元）；本年收回闲置资金 50.00 万元");
        await Expect(finance.Page.GetByTestId("decided-budget")).ToHaveTextAsync("54.00");

        // The evaluated project's page now shows the whole chain: evaluation → finding → rectification → budget action → ledger movement.
        await finance.GotoAsync($"/Projects/Details/{projectId}");
        var link = finance.Page.GetByTestId("budget-links").GetByTestId("budget-link");
        await Expect(link).ToContainTextAsync($"{year} 年度财政重点评价等级“中” → {year + 2} 年度延续项目 {proposalCode}");
        await Expect(link.GetByTestId("budget-link-action")).ToHaveTextAsync("调减");
        await Expect(link).ToContainTextAsync("申报 60.00 万元 → 安排 54.00 万元");
        await Expect(link).ToContainTextAsync("本年收回闲置资金 50.00 万元");
        await Expect(link).ToContainTextAsync("已记入指标账：收回");
        var recovered = await app.AsSystemAsync<SystemDbContext, decimal>(db =>
            db.LedgerMovements.Where(m => m.ProjectId == basisId && m.Kind == MovementKind.Recovery).SumAsync(m => m.Amount));
        Assert.Equal(500_000m, recovered);
        if (Environment.GetEnvironmentVariable("JIXIAO_SCREENSHOTS") == "1")
            await finance.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "rectification-chain.png"), FullPage = true });

        // The region-year's 结果应用台账 has the same chain on one line, closed: the item done, the link decided, the 收回 in the ledger.
        await finance.GotoAsync($"/ResultsApplication?Year={year}&Q={code}");
        var line = finance.Page.GetByTestId("chain-line");
        await Expect(line).ToHaveCountAsync(1);
        await Expect(line).ToContainTextAsync("财政重点评价");
        await Expect(line.GetByTestId("chain-finding")).ToContainTextAsync(problem);
        await Expect(line.GetByTestId("chain-finding")).ToContainTextAsync("已完成");
        await Expect(line.GetByTestId("chain-budget"))
            .ToContainTextAsync($"{year + 2} 年（{proposalCode}）调减：申报 60.00 万元 → 安排 54.00 万元；本年收回闲置资金 50.00 万元（已采纳，perf");
        await Expect(line.GetByTestId("chain-money")).ToContainTextAsync("收回 50.00 万元（结果应用，");
        await Expect(line).ToContainTextAsync("已闭环");
        if (Environment.GetEnvironmentVariable("JIXIAO_SCREENSHOTS") == "1")
            await finance.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "results-chain.png"), FullPage = true });
    }
}
