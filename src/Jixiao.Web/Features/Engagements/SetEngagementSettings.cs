using Jixiao.Domain.Engagements;
using Jixiao.Domain.Organisation;

namespace Jixiao.Web.Features.Engagements;

/// <summary>
/// 第三方委托设置 of a region-year as read and written: the stage names one a line, the report-quality checklist one item a line
/// (<c>名称 分值</c>, 100 in all), the rating weights and the lottery's limits. <see cref="UpdatedAtUtc"/> null: not set, the defaults.
/// </summary>
public sealed record EngagementRules(int FiscalYear, string Stages, string ReportForm, decimal QualityWeight, decimal TimelinessWeight, int MaxOpenEngagements,
    decimal MinRating, DateTime? UpdatedAtUtc);

/// <summary>The settings to keep for a region-year (each refused with its fix when it does not hold).</summary>
public sealed record EngagementRulesInput(string? Stages, string? ReportForm, decimal QualityWeight, decimal TimelinessWeight, int MaxOpenEngagements,
    decimal MinRating);

public static partial class EngagementWork
{
    /// <summary>The region-year's row, or null: the defaults (<see cref="StagePlan.Default"/>, <see cref="ScoringForm.ReportQuality"/> …) apply.</summary>
    public static Task<EngagementSetting?> SettingAsync(JixiaoDbContext db, string region, int year, CancellationToken ct) =>
        db.EngagementSettings.AsNoTracking().SingleOrDefaultAsync(s => s.RegionCode == region && s.FiscalYear == year, ct);

    public static async Task<EngagementRules> RulesAsync(JixiaoDbContext db, CurrentUser user, int year, CancellationToken ct)
    {
        FiscalYears.EnsureValid(year);
        return Rules(year, await SettingAsync(db, user.RegionCode ?? "", year, ct));
    }

    public static EngagementRules Rules(int year, EngagementSetting? s) => s is null
        ? new(year, string.Join("\n", StagePlan.Default), ScoringForm.ReportQuality.Write(), RatingWeights.Default.Quality, RatingWeights.Default.Timeliness,
            LotteryRules.Default.MaxOpenEngagements, LotteryRules.Default.MinRating, null)
        : new(year, s.Stages, s.ReportForm, s.QualityWeight, s.TimelinessWeight, s.MaxOpenEngagements, s.MinRating, s.UpdatedAtUtc);

    /// <summary>
    /// Keeps the region-year's settings. Engagements already planned keep their stages; the checklist and the weights apply to the
    /// reports scored and the ratings computed from now on, the limits to the draws from now on.
    /// </summary>
    public static async Task<EngagementRules> SetRulesAsync(JixiaoDbContext db, CurrentUser user, int year, EngagementRulesInput input, DateTime nowUtc,
        CancellationToken ct)
    {
        RequireKeeper(user, "修改第三方委托设置");
        FiscalYears.EnsureValid(year);
        var region = user.RegionCode ?? "";
        var setting = await db.EngagementSettings.SingleOrDefaultAsync(s => s.RegionCode == region && s.FiscalYear == year, ct);
        if (setting is null)
        {
            setting = EngagementSetting.Create(region, year);
            db.EngagementSettings.Add(setting);
        }
        setting.Set(input.Stages, input.ReportForm, new RatingWeights(input.QualityWeight, input.TimelinessWeight),
            new LotteryRules(input.MaxOpenEngagements, input.MinRating), nowUtc);
        await Saves.SaveAsync(db, ct);
        return Rules(year, setting);
    }
}
