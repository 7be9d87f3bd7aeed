using Jixiao.Domain.Disclosure;
using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.Disclosure;

/// <param name="Title">批次名称 (empty: "2027 年部门预算项目绩效目标" …)</param>
public sealed record PublishRequest(int Year, PublicationKind Kind, string? Title = null);

public static partial class DisclosureWork
{
    /// <summary>
    /// 发布公开批次: every candidate of the region-year and kind that is 待公开 or 新版本待公开 (not 不公开) becomes a snapshot of its public
    /// content in one new batch, all in one save; a second click finds nothing waiting and is refused.
    /// </summary>
    public static async Task<PublicationBatch> PublishAsync(JixiaoDbContext db, CurrentUser user, PublishRequest request, DateTime nowUtc, CancellationToken ct)
    {
        var region = RegionOf(user, "发布");
        Domain.Organisation.FiscalYears.EnsureValid(request.Year);
        var waiting = (await CandidatesAsync(db, region, request.Year, request.Kind, ct))
            .Where(c => c.State is PublicationState.Waiting or PublicationState.NewVersion).ToList();
        var batch = PublicationBatch.Publish(region, request.Year, request.Kind, request.Title, waiting.Count, new ReviewActor(user.UserId, user.UserName, Role.PerformanceDivision),
            BusinessCalendar.DateOf(nowUtc), nowUtc);
        var contents = await ContentsAsync(db, request.Kind, [.. waiting.Select(c => c.SourceId)], ct);
        await using var transaction = await db.OwnTransactionAsync(ct);
        db.PublicationBatches.Add(batch);
        await Saves.SaveAsync(db, ct);
        db.PublishedItems.AddRange(waiting.Select(c => PublishedItem.Of(batch, c.SourceKey, c.SourceId, c.Version, c.Code, c.Title, c.DepartmentCode, c.Department,
            c.Unit, c.Category, c.Amount, contents[c.SourceId].Summary, contents[c.SourceId].Content.ToJson())));
        await Saves.SaveAsync(db, ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return batch;
    }
}
