using Jixiao.Domain.Organisation;

namespace Jixiao.Web.Data;

public enum ImportKind
{
    [Label("项目")]
    Projects = 1,
    /// <summary>指标（预算变动）</summary>
    [Label("预算指标变动")]
    Movements = 2,
    [Label("支付")]
    Payments = 3,
}

public enum ImportStatus
{
    [Label("仅校验")]
    Previewed = 1,
    [Label("已导入")]
    Committed = 2,
}

/// <summary>
/// An uploaded file kept in the database between preview and commit (so any app node can commit it),
/// with the summary of what it did. Its SHA-256 shows when the same file comes again.
/// </summary>
public sealed class ImportBatch : IRegionOwned
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public int FiscalYear { get; set; }
    public ImportKind Kind { get; set; }
    public string FileName { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public ImportStatus Status { get; set; }
    public long? UserId { get; set; }
    public string UserName { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? CommittedAtUtc { get; set; }
    /// <summary>Chinese one-line summary of the last preview or commit.</summary>
    public string Summary { get; set; } = "";
}
