using Jixiao.Domain.Organisation;

namespace Jixiao.Web.Data;

/// <summary>
/// One project's ledger totals over all its movements and payments, whatever their date. The database keeps
/// this row itself, by triggers on the movement and payment tables (Baseline.Triggers.cs, first made by step 0003), in the same
/// statement as the rows it sums: no code writes it, so no write path can forget it, and it is never typed
/// in. <see cref="LatestDate"/> is the latest date of any row summed: for any date on or after it, the totals
/// are the as-of figures, and the project list reads them instead of summing the ledger per request.
/// </summary>
public sealed class ProjectTotals : IRegionOwned
{
    public long ProjectId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    /// <summary>年初预算数</summary>
    public decimal Initial { get; private set; }
    /// <summary>全年预算数</summary>
    public decimal Adjusted { get; private set; }
    /// <summary>执行数</summary>
    public decimal Executed { get; private set; }
    public DateOnly LatestDate { get; private set; }
}
