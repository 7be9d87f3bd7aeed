using Jixiao.Domain.Rectifications;

namespace Jixiao.Web.Features.Rectifications;

/// <summary>The Bootstrap colour of an item's state, the same on every page: overdue red, done green, with finance blue.</summary>
public static class RectificationBadge
{
    public static string For(RectificationState state, bool overdue) => overdue ? "text-bg-danger" : state switch
    {
        RectificationState.Done => "text-bg-success",
        RectificationState.Cancelled => "text-bg-light border",
        RectificationState.Verifying => "text-bg-primary",
        RectificationState.Submitted => "text-bg-info",
        RectificationState.InProgress => "text-bg-warning",
        _ => "text-bg-secondary",
    };
}
