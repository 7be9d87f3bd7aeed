using Jixiao.Domain.Rectifications;

namespace Jixiao.Domain.BudgetLinks;

/// <summary>Where a project's results chain (评价 → 问题 → 整改 → 预算 → 资金) stands: what still has to happen before it is closed.</summary>
public enum ChainStage
{
    /// <summary>A rectification item of the results year is not yet done.</summary>
    [Label("整改未完成")]
    Rectifying = 1,
    /// <summary>Rectified (or nothing to rectify), but a budget link suggestion waits for the budget division.</summary>
    [Label("待预算决定")]
    Deciding = 2,
    /// <summary>Every item done or withdrawn and every budget link decided.</summary>
    [Label("已闭环")]
    Closed = 3,
}

public static class ChainStages
{
    /// <summary>
    /// The stage of one line: rectification comes first (an open item also blocks an increase of the budget, ADR 0012), then the
    /// budget decision; a withdrawn item does not keep a chain open.
    /// </summary>
    public static ChainStage Of(IEnumerable<RectificationState> items, IEnumerable<LinkState> links) =>
        items.Any(s => s is not (RectificationState.Done or RectificationState.Cancelled)) ? ChainStage.Rectifying
        : links.Any(s => s == LinkState.Suggested) ? ChainStage.Deciding
        : ChainStage.Closed;
}
