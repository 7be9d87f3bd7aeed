using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Jixiao.Domain;

namespace Jixiao.Browser.Tests;

/// <summary>
/// The 数据导入 page as the performance division uses it: projects, 指标 (in 万元) and payments from
/// 一体化 exports, each checked before it is written; a file with any error writes nothing. The browser
/// fixture seeds no projects, so the files create their own, under codes no other test uses. With
/// <c>JIXIAO_SCREENSHOTS=1</c> it saves the error report and the project page into screenshots/.
/// </summary>
public sealed class ImportTests(BrowserApp browser)
{
    private const string Unit = "10602";
    private const string UnitName = "襄垣县第一中学校";

    private static bool SaveScreenshots => Environment.GetEnvironmentVariable("JIXIAO_SCREENSHOTS") == "1";

    [Fact]
    public async Task Import_GoodFileThenBadFile_ShowsReportAndWritesOnlyTheGoodOne()
    {
        await browser.AppAsync();
        var today = BusinessCalendar.DateOf(DateTimeOffset.UtcNow);
        var year = today.Year;
        // Dates inside the year and not after today, so the project page (as of today) counts them.
        DateOnly Day(int dayOfYear) => new[] { new DateOnly(year, 1, 1).AddDays(dayOfYear - 1), today }.Min();
        string Text(DateOnly d) => d.ToString("yyyy-MM-dd");

        // 一体化-style numeric codes: region, year, then digits of this run.
        var stamp = Random.Shared.NextInt64(1_000_000_000, 10_000_000_000).ToString();
        var prefix = $"{DemoCounty.RegionCode}{year}{stamp}";
        var (codeA, nameA) = ($"{prefix}01", "智慧校园建设项目");
        var (codeB, nameB) = ($"{prefix}02", "学生营养改善计划");
        var unknownCode = $"{DemoCounty.RegionCode}{year}{stamp}99";

        var folder = Directory.CreateTempSubdirectory("jixiao-import-");
        try
        {
            // 1. Projects: an xlsx with a title row above the header, as 一体化 exports it.
            var projects = Save(folder, $"{year}年项目库导出.xlsx", XlsxWriter.Write("项目", [
                [$"襄垣县 {year} 年度项目库（导出）"],
                ["项目代码", "项目名称", "单位代码", "单位名称", "项目级次", "上级项目代码", "项目类别", "项目性质", "开始年度", "结束年度",
                    "项目库状态", "预算类型", "转移支付级次", "资金标签", "是否待分资金", "立项日期"],
                [codeA, nameA, Unit, UnitName, "一级", null, "特定目标类", "一次性", year, year,
                    "已纳入预算", "一般公共预算", "省级", "政府购买服务", "否", $"{year - 1}-11-20"],
                [codeB, nameB, Unit, UnitName, "一级项目", null, "特定目标类项目", "经常性", year, year + 2,
                    "已纳入预算", "一般公共预算", "无", null, "否", $"{year - 1}-12-05"],
            ]));

            // 2. 指标 in 万元 (年初批复 for both, 追加 for A; a 合计 row the import skips), then payments for A as CSV.
            var initialDocument = $"襄财预〔{year}〕{stamp[..4]}号";
            var additionDocument = $"襄财预〔{year}〕{stamp[4..8]}号";
            var movements = Save(folder, $"{year}年指标变动.xlsx", XlsxWriter.Write("指标", [
                [$"{year} 年度预算指标变动明细"],
                ["文件号", "日期", "项目代码", "变动类型", "金额（万元）", "对方项目代码", "事由"],
                [initialDocument, Text(Day(15)), codeA, "年初批复", 120.5m, null, "年初预算批复"],
                [initialDocument, Text(Day(15)), codeB, "年初批复", 80m, null, "年初预算批复"],
                [additionDocument, Text(Day(100)), codeA, "追加", 30.25m, null, "追加设备购置资金"],
                ["合计", null, null, null, 230.75m, null, null],
            ]));
            var voucher = $"ZF{year}{stamp}";
            var payments = Save(folder, $"{year}年支付明细.csv", Encoding.UTF8.GetBytes(
                "凭证号,支付日期,项目代码,支付金额（元）,摘要\r\n" +
                $"{voucher}001,{Text(Day(60))},{codeA},301500.00,首批设备款\r\n" +
                $"{voucher}002,{Text(Day(120))},{codeA},\"150,750.00\",安装调试费\r\n"));

            // 3. A payments file with one good row, one amount in words and one unknown project: nothing may be written.
            var badPayments = Save(folder, $"{year}年支付明细（有误）.xlsx", XlsxWriter.Write("支付", [
                [$"{year} 年度国库集中支付明细"],
                ["凭证号", "支付日期", "项目代码", "支付金额（元）", "摘要"],
                [$"{voucher}003", Text(Day(130)), codeA, 200000m, "第二批设备款"],
                [$"{voucher}004", Text(Day(131)), codeB, "约五万", "食堂改造"],
                [$"{voucher}005", Text(Day(132)), unknownCode, 12000m, "教师培训"],
            ]));

            await using var session = await browser.NewSessionAsync();
            var page = session.Page;
            await session.LoginAsync("perf");
            await page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "数据导入", Exact = true }).ClickAsync();
            await Expect(page.Locator(".page-title")).ToHaveTextAsync("一体化数据导入");

            var summary = page.GetByTestId("report-summary");
            var commit = session.Button("确认导入");

            await PreviewAsync(session, "项目", year, projects);
            await Expect(summary).ToContainTextAsync("可以导入");
            await Expect(summary).ToContainTextAsync("新增 2");
            await Expect(page.GetByTestId("issues")).ToHaveCountAsync(0);
            await session.SubmitAsync(commit);
            await Expect(summary).ToContainTextAsync("已导入");
            await Expect(summary).ToContainTextAsync("新增 2");
            await Expect(commit).ToHaveCountAsync(0);

            await PreviewAsync(session, "预算指标变动", year, movements);
            await Expect(summary).ToContainTextAsync("可以导入：3 行，新增 3");
            await session.SubmitAsync(commit);
            await Expect(summary).ToContainTextAsync("已导入：3 行，新增 3");

            await PreviewAsync(session, "支付", year, payments);
            await Expect(summary).ToContainTextAsync("可以导入：2 行，新增 2");
            await session.SubmitAsync(commit);
            await Expect(summary).ToContainTextAsync("已导入：2 行，新增 2");

            await PreviewAsync(session, "支付", year, badPayments);
            await Expect(summary).ToContainTextAsync("未写入任何数据");
            await Expect(summary).ToContainTextAsync("2 个错误");
            await Expect(commit).ToHaveCountAsync(0);
            var issues = page.GetByTestId("issues");
            // Title row 1, header row 2: the wrong rows are the spreadsheet's rows 4 and 5. The column is named as
            // in the file.
            await Expect(issues.Locator("tbody tr")).ToHaveCountAsync(2);
            await Expect(issues.Locator("tbody tr").Nth(0).Locator("td"))
                .ToHaveTextAsync([new Regex("^4$"), new Regex("^支付金额（元）$"), new Regex("^约五万$"), new Regex("^错误：.*不是数字")]);
            await Expect(issues.Locator("tbody tr").Nth(1).Locator("td"))
                .ToHaveTextAsync([new Regex("^5$"), new Regex("^项目代码$"), new Regex($"^{unknownCode}$"), new Regex("^错误：.*不存在")]);
            var recent = page.Locator(".card", new() { Has = page.GetByText("最近导入", new() { Exact = true }) });
            await Expect(recent.Locator("tr", new() { HasText = $"{year}年支付明细（有误）.xlsx" })).ToContainTextAsync("仅校验");
            await ScreenshotAsync(page, "10-import-errors-perf");

            // 4. The project library shows what the good files wrote and nothing of the bad one.
            await page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "项目库", Exact = true }).ClickAsync();
            await page.GetByPlaceholder("项目名称或代码").FillAsync(prefix);
            await session.SubmitAsync(session.Button("查询"));
            var list = page.GetByTestId("projects");
            await Expect(list.Locator("tbody tr")).ToHaveCountAsync(2);
            await list.GetByRole(AriaRole.Link, new() { Name = nameA, Exact = true }).ClickAsync();

            await Expect(page.GetByTestId("project-name")).ToContainTextAsync(nameA);
            await Expect(page.GetByTestId("figures")).ToContainTextAsync("120.50 万元");
            await Expect(page.GetByTestId("adjusted")).ToHaveTextAsync("150.75 万元");
            await Expect(page.GetByTestId("figures")).ToContainTextAsync("45.23 万元（2 笔）");
            await Expect(page.GetByTestId("rate")).ToHaveTextAsync("30.00%");
            var ledger = page.GetByTestId("ledger");
            await Expect(ledger.Locator("tbody tr")).ToHaveCountAsync(2);
            var initialRow = ledger.Locator("tr", new() { HasText = "年初批复" });
            await Expect(initialRow).ToContainTextAsync(initialDocument);
            await Expect(initialRow).ToContainTextAsync("+120.50");
            var additionRow = ledger.Locator("tr", new() { HasText = "追加" });
            await Expect(additionRow).ToContainTextAsync(additionDocument);
            await Expect(additionRow).ToContainTextAsync("+30.25");
            await Expect(additionRow).ToContainTextAsync("150.75");
            await Expect(page.GetByText($"{voucher}003")).ToHaveCountAsync(0);
            await Expect(page.Locator("#execution-chart svg")).ToBeVisibleAsync();
            await ScreenshotAsync(page, "11-project-imported-perf");

            Assert.Empty(session.Problems);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Picks the kind and year, chooses the file and asks for 校验并预览; the report must appear.</summary>
    internal static async Task PreviewAsync(BrowserSession session, string kind, int year, string file)
    {
        var page = session.Page;
        await page.GetByLabel("数据类型", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = kind });
        await page.GetByLabel("预算年度", new() { Exact = true }).SelectOptionAsync(year.ToString());
        await page.GetByLabel(new Regex("^文件")).SetInputFilesAsync(file);
        await session.SubmitAsync(session.Button("校验并预览"));
        await Expect(page.GetByTestId("report")).ToContainTextAsync(Path.GetFileName(file));
    }

    internal static string Save(DirectoryInfo folder, string name, byte[] content)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>With <c>JIXIAO_SCREENSHOTS=1</c>, the full page into screenshots/ at the repository root.</summary>
    internal static async Task ScreenshotAsync(IPage page, string file)
    {
        if (!SaveScreenshots) return;
        var directory = Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "screenshots")).FullName;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, file + ".png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Jixiao.slnx"))) return dir.FullName;
        throw new InvalidOperationException("找不到仓库根目录（Jixiao.slnx）");
    }
}
