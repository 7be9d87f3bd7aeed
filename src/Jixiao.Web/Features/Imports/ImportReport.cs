namespace Jixiao.Web.Features.Imports;

/// <summary>One finding about one cell: the spreadsheet row, the column title, the value and what to do.</summary>
public sealed record ImportIssue(int Row, string Column, string Value, string Message, bool IsError);

public sealed record ImportReport(
    long BatchId, ImportKind Kind, string FileName, int Rows, int Created, int Updated, int Unchanged,
    IReadOnlyList<ImportIssue> Issues, bool Committed)
{
    public int Errors => Issues.Count(i => i.IsError);
    public int Warnings => Issues.Count(i => !i.IsError);
    public bool CanCommit => Errors == 0;

    public string Summary => Errors > 0
        ? $"{Kind.Label()}导入未执行：{Rows} 行中发现 {Errors} 个错误{(Warnings > 0 ? $"、{Warnings} 个提醒" : "")}，请修改文件后重新上传（未写入任何数据）。"
        : $"{Kind.Label()}{(Committed ? "已导入" : "可以导入")}：{Rows} 行，新增 {Created}，更新 {Updated}，未变化 {Unchanged}{(Warnings > 0 ? $"；{Warnings} 个提醒请人工核对" : "")}。";
}

/// <summary>Collects findings row by row while an import is read.</summary>
public sealed class ImportIssues
{
    private readonly List<ImportIssue> _issues = [];
    public IReadOnlyList<ImportIssue> All => _issues;
    public bool HasErrors => _issues.Any(i => i.IsError);

    public void Error(int row, string column, string value, string message) => _issues.Add(new(row, column, value, message, true));
    public void Warning(int row, string column, string value, string message) => _issues.Add(new(row, column, value, message, false));

    /// <summary>Caps the list so a wholly wrong file still gives a readable report.</summary>
    public IReadOnlyList<ImportIssue> ForReport(int max = 500) =>
        _issues.OrderBy(i => i.IsError ? 0 : 1).ThenBy(i => i.Row).Take(max).ToList();
}
