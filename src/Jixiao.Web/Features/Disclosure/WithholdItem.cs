using Jixiao.Domain.Disclosure;
using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.Disclosure;

/// <param name="SourceKey">the item (a candidate's sourceKey)</param>
/// <param name="Reason">one of the region-year's reasons</param>
/// <param name="Note">说明: the basis (定密文号, 依申请公开的答复 …)</param>
public sealed record WithholdRequest(int Year, PublicationKind Kind, string SourceKey, string? Reason, string? Note);

public static partial class DisclosureWork
{
    /// <summary>不公开: keeps an approved item out of every batch of the region-year, with the reason and its basis. An item already public stays readable.</summary>
    public static async Task<Withholding?> WithholdAsync(JixiaoDbContext db, CurrentUser user, WithholdRequest request, DateTime nowUtc, CancellationToken ct)
    {
        var region = RegionOf(user, "决定不公开");
        Domain.Organisation.FiscalYears.EnsureValid(request.Year);
        var candidate = (await CandidatesAsync(db, region, request.Year, request.Kind, ct)).SingleOrDefault(c => c.SourceKey == request.SourceKey);
        if (candidate is null) return null;
        if (candidate.State == PublicationState.Withheld) throw new ConflictException($"“{candidate.Title}”已标为不公开（{candidate.Reason}）。");
        var withholding = Withholding.Withhold(region, request.Year, request.Kind, request.SourceKey, request.Reason, request.Note,
            await ReasonsAsync(db, region, request.Year, ct), new ReviewActor(user.UserId, user.UserName, Role.PerformanceDivision), nowUtc);
        db.Withholdings.Add(withholding);
        await Saves.SaveAsync(db, ct);
        return withholding;
    }

    /// <summary>撤销不公开: the item waits for the next batch again.</summary>
    public static async Task<bool> ReleaseAsync(JixiaoDbContext db, CurrentUser user, long id, CancellationToken ct)
    {
        RegionOf(user, "撤销不公开");
        var withholding = await db.Withholdings.SingleOrDefaultAsync(w => w.Id == id, ct);
        if (withholding is null) return false;
        db.Withholdings.Remove(withholding);
        await Saves.SaveAsync(db, ct);
        return true;
    }

    /// <summary>The region-year's reasons, one a line.</summary>
    public static async Task<IReadOnlyList<string>> SetReasonsAsync(JixiaoDbContext db, CurrentUser user, int year, string? reasons, DateTime nowUtc, CancellationToken ct)
    {
        var region = RegionOf(user, "设置不公开理由");
        Domain.Organisation.FiscalYears.EnsureValid(year);
        var setting = await db.DisclosureSettings.SingleOrDefaultAsync(s => s.RegionCode == region && s.FiscalYear == year, ct);
        if (setting is null) db.DisclosureSettings.Add(setting = DisclosureSetting.Create(region, year));
        setting.SetReasons(reasons, nowUtc);
        await Saves.SaveAsync(db, ct);
        return setting.ReasonList;
    }
}
