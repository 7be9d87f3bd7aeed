using Jixiao.Domain.Budget;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.ExAnte;

namespace Jixiao.Web.Features.ExAnte;

/// <summary>What a screening did: the evaluations raised, and the projects looked at.</summary>
public sealed record ScreeningResult(int FiscalYear, int Projects, int Raised, int AlreadyListed);

/// <summary>Finance adds a project by hand: which, on what dimensions, and why.</summary>
public sealed record ExAnteAddition(long ProjectId, ExAnteVariant Variant, string? Reason);

public static partial class ExAnteWork
{
    /// <summary>
    /// 识别 the year's projects that need an evaluation by the region-year's rules and raises one for each that has none yet;
    /// projects already listed keep theirs. Run again after the library changes: it raises only what is new.
    /// </summary>
    public static async Task<ScreeningResult> ScreenAsync(JixiaoDbContext db, CurrentUser user, int year, DateTime nowUtc, CancellationToken ct)
    {
        RequireFinance(user, "识别需事前评估的项目");
        FiscalYears.EnsureValid(year);
        var region = user.RegionCode ?? "";
        var (projects, listed, caught) = await CaughtAsync(db, region, year, await RulesAsync(db, region, year, ct), ct);
        db.ExAnteEvaluations.AddRange(caught.Select(c => ExAnteEvaluation.Screened(c.Project, c.Triggers, nowUtc)));
        await Saves.SaveAsync(db, ct);
        return new(year, projects, caught.Count, listed);
    }

    public static async Task<ExAnteEvaluation?> AddAsync(JixiaoDbContext db, CurrentUser user, ExAnteAddition input, DateTime nowUtc, CancellationToken ct)
    {
        RequireFinance(user, "指定项目开展事前评估");
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == input.ProjectId, ct);
        if (project is null) return null;
        if (await db.ExAnteEvaluations.AnyAsync(e => e.ProjectId == project.Id, ct))
            throw new ConflictException($"项目“{project.Code} {project.Name}”已列入事前评估，请在原评估上办理。");
        var evaluation = ExAnteEvaluation.ByHand(project, input.Variant, input.Reason, nowUtc);
        db.ExAnteEvaluations.Add(evaluation);
        await Saves.SaveAsync(db, ct);
        return evaluation;
    }
}
