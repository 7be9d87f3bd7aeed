using Jixiao.Web.Features.Imports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Evaluations;

public static class EvaluationSheetApi
{
    public static RouteGroupBuilder MapEvaluationSheetApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/evaluations").WithTags("单位自评").RequireAuthorization(Policies.BusinessStaff);

        group.MapGet("/{id:long}/sheet", async Task<Results<FileContentHttpResult, NotFound>> (long id, JixiaoDbContext db, CurrentUser user,
                CancellationToken ct) =>
                await EvaluationSheet.ExportAsync(db, user, id, ct) is { } file
                    ? TypedResults.File(file.Content, FileTypes.Xlsx, file.FileName)
                    : TypedResults.NotFound())
            .ProducesFile(FileTypes.Xlsx)
            .WithName("ExportEvaluationSheet")
            .WithSummary("导出项目支出绩效自评表（xlsx，全国通用格式）：项目名称、主管部门、实施单位，年初预算数、全年预算数（A）、全年执行数（B）、分值、执行率、得分，年度总体目标与实际完成情况，各指标的年度指标值、实际完成值、分值、得分、偏差原因分析及改进措施，总分；旁列系统参考分值、参考得分及说明（仅供参考）；自评表编号和行号用于导入");

        group.MapPost("/sheet", ImportEvaluationSheet)
            .DisableAntiforgery()
            .WithName(nameof(ImportEvaluationSheet))
            .WithSummary("导入填好的自评表（xlsx、xls、csv，按导出格式）：按自评表编号和行号保存，与在页面上保存相同，返回参考分重算后的检查结果；全部无误才写入，文件读不出、自评表编号不存在或无权修改、行号不存在、分值/得分/金额不是数字时不写入并逐格说明");

        group.MapGet("/{id:long}/report", async Task<Results<FileContentHttpResult, NotFound>> (long id, JixiaoDbContext db, CurrentUser user,
                CancellationToken ct) =>
                await EvaluationReport.WriteAsync(db, user, id, ct) is { } file
                    ? TypedResults.File(file.Content, FileTypes.Docx, file.FileName)
                    : TypedResults.NotFound())
            .ProducesFile(FileTypes.Docx)
            .WithName("ExportEvaluationReport")
            .WithSummary("导出绩效自评报告（docx）：基本情况、绩效目标完成情况（各指标自评得分与参考得分）、偏差原因及改进措施、自评结论（自评总分与等级、参考总分与等级及每项的计算说明）、检查发现的问题");

        group.MapGet("/summary.xlsx", ExportEvaluationSummary)
            .ProducesFile(FileTypes.Xlsx)
            .WithName(nameof(ExportEvaluationSummary))
            .WithSummary("导出某年度项目支出绩效自评汇总表（xlsx，权限范围内，可按部门）：每个主管部门的自评项目数、全年预算数合计、按参考等级和自评等级的优良中差分布、已填报/已提交/已审核数");
        return api;
    }

    private static async Task<Results<Ok<EvaluationImportReport>, UnprocessableEntity<EvaluationImportReport>>> ImportEvaluationSheet(IFormFile file,
        JixiaoDbContext db, CurrentUser user, TimeProvider clock, IOptions<UploadLimits> limits, IOptions<FormLimits> forms, CancellationToken ct)
    {
        var report = await EvaluationSheet.ImportAsync(db, user, file.FileName, await Uploads.ReadAsync(file, limits.Value, ct), limits.Value,
            forms.Value, clock.GetUtcNow().UtcDateTime, ct);
        return report.Committed ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

    private static async Task<FileContentHttpResult> ExportEvaluationSummary(int? year, long? departmentId, JixiaoDbContext db, BusinessClock calendar,
        CancellationToken ct)
    {
        var file = await EvaluationSheet.SummaryExportAsync(db, year ?? calendar.Year - 1, departmentId, ct);
        return TypedResults.File(file.Content, FileTypes.Xlsx, file.FileName);
    }
}
