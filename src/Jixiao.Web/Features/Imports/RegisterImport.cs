namespace Jixiao.Web.Features.Imports;

/// <summary>What a register import (第三方机构库, 专家库) did, or why it wrote nothing: every problem by Excel row and column.</summary>
public sealed record RegisterImportReport(string FileName, int Rows, int Created, int Updated, IReadOnlyList<ImportIssue> Issues, bool Committed)
{
    public int Errors => Issues.Count(i => i.IsError);

    public string Summary => Committed
        ? $"已导入 {Rows} 行：新增 {Created}，更新 {Updated}。"
        : $"导入未执行：发现 {Errors} 个错误，请修改文件后重新上传（未写入任何数据）。";
}

/// <summary>
/// Imports the rows of a register sheet all or nothing: each row is read and handed to the register's own rule (create or
/// update through the domain); a rule's refusal becomes an error in that row, in the column its field names. Only when no
/// row has an error is anything saved — in one save.
/// </summary>
public static class RegisterImport
{
    /// <param name="apply">reads one row and applies it; returns true when it created a record, false when it updated one, null when the row had errors</param>
    public static async Task<RegisterImportReport> RunAsync(JixiaoDbContext db, SaveConflicts saves, string fileName, byte[] content, UploadLimits limits,
        IReadOnlyList<ImportColumn> columns, Func<RowReader, CancellationToken, Task<bool?>> apply, CancellationToken ct)
    {
        var issues = new ImportIssues();
        IReadOnlyList<SheetRow> sheet;
        try
        {
            sheet = SpreadsheetReader.Read(content, fileName, limits);
        }
        catch (DomainException e)
        {
            issues.Error(0, "文件", fileName, e.Message);
            return new(fileName, 0, 0, 0, issues.ForReport(), false);
        }
        var header = ImportLayout.FindHeader(sheet, columns, out _);
        if (header is null)
        {
            issues.Error(0, "表头", "", $"前 20 行中没有找到表头：需要包含列 {string.Join("、", columns.Where(c => c.Required).Select(c => c.Title))}。请使用本系统导出的表格填写。");
            return new(fileName, 0, 0, 0, issues.ForReport(), false);
        }
        var rows = sheet.Skip(header.RowIndex + 1).Where(r => !r.IsEmpty).ToList();
        if (rows.Count == 0) issues.Error(header.RowIndex + 1, "表头", "", "表头下面没有数据行。");
        int created = 0, updated = 0;
        foreach (var row in rows)
        {
            var reader = new RowReader(row, header, issues);
            bool? outcome;
            try
            {
                outcome = reader.Failed ? null : await apply(reader, ct);
            }
            catch (DomainException e)
            {
                // The register's rule refused the row: its message in the column of the field it names.
                reader.Error(columns.FirstOrDefault(c => c.Title == e.Field)?.Key ?? columns[0].Key, $"第 {row.Number} 行：{e.Message}");
                outcome = null;
            }
            if (outcome == true) created++;
            else if (outcome == false) updated++;
        }
        if (issues.HasErrors)
        {
            db.ChangeTracker.Clear();
            return new(fileName, rows.Count, 0, 0, issues.ForReport(), false);
        }
        await saves.SaveAsync(db, ct);
        return new(fileName, rows.Count, created, updated, issues.ForReport(), true);
    }

    /// <summary>A cell listing several values: "事前评估、财政重点评价" (、 ， , ； ; / or spaces between).</summary>
    public static IReadOnlyList<string> List(string cell) =>
        cell.Split(['、', '，', ',', '；', ';', '/', ' ', '　', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
