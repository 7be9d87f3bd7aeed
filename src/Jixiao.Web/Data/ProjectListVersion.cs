using Jixiao.Domain.Organisation;

namespace Jixiao.Web.Data;

/// <summary>
/// A counter per region and year that the database raises whenever a project or its ledger totals change
/// (triggers of Baseline.Triggers.cs, first made by step 0008, in the same transaction as the change). Results of the project list kept
/// by <c>Features.Projects.ProjectListCache</c> are filed under the counters they were computed at, so a change anywhere in
/// the region-year — through any write path, on any instance — makes the next list compute afresh.
/// </summary>
public sealed class ProjectListVersion : IRegionOwned
{
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public long Version { get; private set; }
}
