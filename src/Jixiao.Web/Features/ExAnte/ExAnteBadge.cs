using Jixiao.Domain.ExAnte;

namespace Jixiao.Web.Features.ExAnte;

/// <summary>The Bootstrap badge colour of an ex-ante status, the same on the ex-ante pages and in the project library.</summary>
public static class ExAnteBadge
{
    public static string For(ExAnteStatus status) => status switch
    {
        ExAnteStatus.Supported => "text-bg-success",
        ExAnteStatus.SupportedAfterRevision => "text-bg-info",
        ExAnteStatus.Rejected => "text-bg-danger",
        ExAnteStatus.Assessing => "text-bg-primary",
        ExAnteStatus.Pending => "text-bg-warning",
        _ => "text-bg-light border",
    };

    /// <summary>Where a 调整完善后予以支持 stands: the revision awaited from the unit, in, or accepted.</summary>
    public static string RevisionStage(ExAnteState state) => state == ExAnteState.Concluded ? "待提交修改稿" : state.Label();
}
