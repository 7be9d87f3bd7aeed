using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Reviews;

/// <summary>
/// How a region works in a year ([local] configuration, set by the performance division): whether monitoring returns
/// and self-evaluations pass the funding division before the performance division, and the prefix of the 文号 its
/// corrective actions are numbered with. A region-year without a row takes the division step and the region's
/// default prefix.
/// </summary>
public sealed class WorkflowSetting : IRegionOwned
{
    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    /// <summary>监控表、自评表经资金所在业务股室审核后再报绩效股</summary>
    public bool FormDivisionStep { get; private set; } = true;
    public string DocumentPrefix { get; private set; } = "";
    public DateTime UpdatedAtUtc { get; private set; }

    public static WorkflowSetting Create(string regionCode, int fiscalYear, string defaultPrefix) =>
        new() { RegionCode = regionCode, FiscalYear = fiscalYear, DocumentPrefix = defaultPrefix };

    public void Set(bool formDivisionStep, string? documentPrefix, DateTime nowUtc)
    {
        DocumentPrefix = DocumentNumber.ValidPrefix(documentPrefix);
        FormDivisionStep = formDivisionStep;
        UpdatedAtUtc = nowUtc;
    }
}

/// <summary>The last 文号 sequence given in a region-year; moved on in the transaction that uses the number.</summary>
public sealed class DocumentCounter
{
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public long Last { get; private set; }
}
