using Jixiao.Domain.Agencies;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.Organisation;
using Jixiao.Web.Features.Engagements;

namespace Jixiao.Web.Features.Agencies;

/// <summary>
/// One agency's yearly rating (年度评级) as computed from its engagements of the year: the scored reports, the stages confirmed and
/// of those the ones confirmed by their due date, and the result — <see cref="Score"/> null: no scored report, no rating.
/// <see cref="Stored"/>: the rating of the year now on the register.
/// </summary>
public sealed record AgencyYearRating(long AgencyId, string AgencyName, int Reports, int StagesConfirmed, int StagesOnTime, decimal? Score, AgencyGrade? Grade,
    string Explanation, decimal? Stored);

public static partial class AgencyWork
{
    /// <summary>
    /// The year's rating of every agency of the region, computed (not stored) with <see cref="AgencyRatings.For"/> and the
    /// region-year's weights, rated first (best first): the quality scores of the final reports of its engagements of the year (委托年度), and the share of
    /// their stages confirmed by three parties by the stage's due date (Beijing date of the last confirmation).
    /// </summary>
    public static async Task<IReadOnlyList<AgencyYearRating>> RatingsAsync(JixiaoDbContext db, string region, int year, CancellationToken ct)
    {
        FiscalYears.EnsureValid(year);
        var weights = (await EngagementWork.SettingAsync(db, region, year, ct))?.RatingWeights ?? RatingWeights.Default;
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.RegionCode == region).OrderBy(a => a.Name).ThenBy(a => a.Id).ToListAsync(ct);
        var engagements = await db.Engagements.AsNoTracking().Where(e => e.RegionCode == region && e.FiscalYear == year && e.AgencyId != null).ToListAsync(ct);
        return agencies.Select(a => Rating(a, engagements.Where(e => e.AgencyId == a.Id).ToList(), year, weights))
            .OrderBy(r => r.Score is null).ThenByDescending(r => r.Score).ToList();
    }

    private static AgencyYearRating Rating(Agency agency, IReadOnlyList<Engagement> engagements, int year, RatingWeights weights)
    {
        var reports = engagements.Where(e => e.ReportScore is not null).Select(e => e.ReportScore!.Value).ToList();
        var confirmed = engagements.SelectMany(e => e.Stages).Where(s => s.ConfirmedAtUtc is not null).ToList();
        var onTime = confirmed.Count(s => BusinessCalendar.DateOf(s.ConfirmedAtUtc!.Value) <= s.DueOn);
        var result = AgencyRatings.For(reports, confirmed.Count, onTime, weights);
        var stored = agency.Ratings.FirstOrDefault(r => r.Year == year)?.Score;
        return result is null
            ? new AgencyYearRating(agency.Id, agency.Name, 0, confirmed.Count, onTime, null, null,
                $"{year} 年度没有经考核的评价报告（{engagements.Count} 项委托），不评级；抽签时视为未评级。", stored)
            : new AgencyYearRating(agency.Id, agency.Name, reports.Count, confirmed.Count, onTime, result.Score, GradeOf(result.Grade), result.Explanation, stored);
    }

    private static AgencyGrade GradeOf(RatingGrade grade) => grade switch
    {
        RatingGrade.Excellent => AgencyGrade.Excellent,
        RatingGrade.Good => AgencyGrade.Good,
        RatingGrade.Pass => AgencyGrade.Pass,
        _ => AgencyGrade.Fail,
    };

    /// <summary>
    /// 年度评级 (the performance division): computes the year's ratings and stores each on the register (replacing the year's
    /// earlier one). A rating below the next year's 最低评级 keeps the agency out of that year's draws.
    /// </summary>
    public static async Task<IReadOnlyList<AgencyYearRating>> RateAsync(JixiaoDbContext db, CurrentUser user, int year, CancellationToken ct)
    {
        if (!user.Scope.Has(Role.PerformanceDivision)) throw new ForbiddenException("只有财政绩效股可以评定第三方机构年度评级。");
        var region = user.RegionCode ?? "";
        var rated = (await RatingsAsync(db, region, year, ct)).Where(r => r.Score is not null).ToDictionary(r => r.AgencyId);
        var ids = rated.Keys.ToList();
        foreach (var agency in await db.Agencies.Where(a => ids.Contains(a.Id)).ToListAsync(ct))
            agency.Rate(new AgencyRating(year, rated[agency.Id].Score!.Value, rated[agency.Id].Grade!.Value));
        await Saves.SaveAsync(db, ct);
        return await RatingsAsync(db, region, year, ct);
    }
}
