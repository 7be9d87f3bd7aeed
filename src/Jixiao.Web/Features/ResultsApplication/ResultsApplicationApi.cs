using Jixiao.Web.Features.Printing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Features.ResultsApplication;

public static class ResultsApplicationApi
{
    public static RouteGroupBuilder MapResultsApplicationApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/results-chain").WithTags("结果应用台账").RequireAuthorization(Policies.FinanceStaff);
        group.MapGet("/", async Task<Ok<ChainPage>> ([AsParameters] ChainQuery q, JixiaoDbContext db, BusinessClock calendar, CancellationToken ct) =>
                TypedResults.Ok(await ResultsChain.PageAsync(db, q, q.Year ?? calendar.Year - 1, calendar.Today, ct)))
            .WithName("ListResultsChain")
            .WithSummary("某结果年度（默认上年度）的结果应用台账：经部门或重点评价、发现问题、与预算挂钩或监控后纠偏的每个项目，" +
                         "及其评价结果、问题及整改（状态、期限、最近一步的办理人和日期）、预算挂钩（申报 → 安排、本年暂缓或收回、决定人）、记入指标账的整改措施（文号）；合计各环节");
        group.MapGet("/xlsx", async ([AsParameters] ChainQuery q, JixiaoDbContext db, BusinessClock calendar, TimeProvider clock, CancellationToken ct) =>
            {
                var (name, content) = ResultsChainFiles.Xlsx(await ResultsChainFiles.PrintAsync(db, q, q.Year ?? calendar.Year - 1, calendar.Today,
                    clock.GetUtcNow().UtcDateTime, ct));
                return TypedResults.File(content, FileTypes.Xlsx, name);
            })
            .ProducesFile(FileTypes.Xlsx)
            .WithName("ExportResultsChain")
            .WithSummary("导出结果应用台账（xlsx）：筛选范围内的全部项目，一行一个项目，评价、问题及整改、预算挂钩、资金处理各一列");
        group.MapGet("/pdf", async ([AsParameters] ChainQuery q, HttpContext http, JixiaoDbContext db, BusinessClock calendar, TimeProvider clock,
                SheetPrinter printer, CancellationToken ct) =>
                await printer.FileAsync(http, ResultsChainFiles.Job(await ResultsChainFiles.PrintAsync(db, q, q.Year ?? calendar.Year - 1, calendar.Today,
                    clock.GetUtcNow().UtcDateTime, ct)), ct))
            .ProducesFile(FileTypes.Pdf)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("PrintResultsChain")
            .WithSummary("下载结果应用台账（PDF，A4 横向，报送人大用）：各环节合计和全部项目的链条；暂时无法生成为 503 并说明原因");
        return api;
    }
}
