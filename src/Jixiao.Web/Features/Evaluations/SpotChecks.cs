using System.Security.Cryptography;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Monitoring;

namespace Jixiao.Web.Features.Evaluations;

/// <param name="Seed">the draw's seed; none: a random one, recorded with the draw</param>
/// <param name="RatioPercent">抽查比例, 20 for 20%</param>
/// <param name="MustInclude">必抽清单: project codes separated by commas, spaces or lines</param>
public sealed record DrawRequest(int Year, int? Seed = null, decimal? MinWan = null, decimal? MaxWan = null, decimal? RatioPercent = null, int? Count = null,
    string? MustInclude = null);

public sealed record ReReviewRequest(decimal QualityScore, decimal IndicatorScore);

public sealed record SampledView(long EvaluationId, string Code, string Name, string Unit, decimal Amount, bool MustInclude, decimal? SelfTotal,
    decimal ReferenceTotal, decimal? QualityScore, decimal? IndicatorScore, decimal? ReviewScore, decimal? Gap, bool Distorted, string ReviewExplanation);

public sealed record DrawView(long Id, int Year, int Seed, string Algorithm, int EligibleCount, int Size, string Explanation, string DrawnBy,
    DateTime DrawnAtUtc, IReadOnlyList<SampledView> Items);

/// <summary>抽查复核: finance draws a reproducible sample of submitted self-evaluations and re-reviews each.</summary>
public static class SpotChecks
{
    public static async Task<SpotCheckDraw> DrawAsync(JixiaoDbContext db, CurrentUser user, DrawRequest request, DateTime nowUtc, CancellationToken ct)
    {
        var region = RoundWork.RegionOf(user);
        if (!user.Scope.Has(Role.PerformanceDivision)) throw new ConflictException("抽查由财政绩效股进行。");
        var candidates = await db.SelfEvaluations.AsNoTracking()
            .Where(e => e.RegionCode == region && e.FiscalYear == request.Year && e.Subject == TargetSubject.Project
                        && ReviewChains.SelfEvaluation.HandedIn.Contains(e.State))
            .Select(e => new { e.Id, e.ProjectId, e.AdjustedBudget }).ToListAsync(ct);
        if (candidates.Count == 0)
            throw new DomainException($"{request.Year} 年度还没有已提交的项目自评表，无法抽查。", "年度");
        var must = new List<long>();
        var codes = (request.MustInclude ?? "").Split([',', '，', ' ', '\n', '\r', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries);
        if (codes.Length > 0)
        {
            var byCode = await db.Projects.AsNoTracking().Where(p => p.RegionCode == region && p.FiscalYear == request.Year && codes.Contains(p.Code))
                .Select(p => new { p.Code, p.Id }).ToDictionaryAsync(p => p.Code, p => p.Id, ct);
            var byProject = candidates.Where(c => c.ProjectId is not null).ToDictionary(c => c.ProjectId!.Value, c => c.Id);
            foreach (var code in codes.Distinct())
            {
                if (!byCode.TryGetValue(code, out var projectId))
                    throw new DomainException($"必抽清单中的项目编码“{code}”在 {request.Year} 年度不存在。", "必抽清单");
                if (!byProject.TryGetValue(projectId, out var evaluationId))
                    throw new DomainException($"必抽清单中的项目“{code}”没有已提交的自评表，不能抽查。", "必抽清单");
                must.Add(evaluationId);
            }
        }
        var rules = new SampleRules(request.Seed ?? RandomNumberGenerator.GetInt32(1, int.MaxValue), request.MinWan * 10_000m, request.MaxWan * 10_000m,
            request.RatioPercent / 100m, request.Count, must);
        var draw = SpotCheckDraw.Record(region, request.Year, rules, candidates.Select(c => new SampleCandidate(c.Id, c.AdjustedBudget)).ToList(),
            user.UserName, nowUtc);
        db.SpotChecks.Add(draw);
        await db.SaveChangesAsync(ct);
        return draw;
    }

    public static async Task<SpotCheckItem?> ReReviewAsync(JixiaoDbContext db, CurrentUser user, long drawId, long evaluationId, ReReviewRequest request,
        DateTime nowUtc, CancellationToken ct)
    {
        if (!user.Scope.Has(Role.PerformanceDivision)) throw new ConflictException("复核由财政绩效股进行。");
        var draw = await db.SpotChecks.Include(d => d.Items).SingleOrDefaultAsync(d => d.Id == drawId, ct);
        if (draw is null) return null;
        var form = await db.SelfEvaluations.AsNoTracking().Where(e => e.Id == evaluationId).Select(e => new { e.Total }).SingleOrDefaultAsync(ct);
        if (form is null) return null;
        var self = form.Total ?? throw new DomainException("该自评表没有自评总分，不能复核。", "自评表");
        var item = draw.ReReview(evaluationId, self, request.QualityScore, request.IndicatorScore,
            await EvaluationWork.WeightsAsync(db, draw.RegionCode, draw.FiscalYear, ct), user.UserName, nowUtc);
        await db.SaveChangesAsync(ct);
        return item;
    }

    public static async Task<IReadOnlyList<DrawView>> DrawsAsync(JixiaoDbContext db, int year, CancellationToken ct)
    {
        var draws = await db.SpotChecks.AsNoTracking().Include(d => d.Items).Where(d => d.FiscalYear == year).OrderByDescending(d => d.Id).ToListAsync(ct);
        var ids = draws.SelectMany(d => d.Items.Select(i => i.EvaluationId)).Distinct().ToList();
        var forms = await db.SelfEvaluations.IgnoreQueryFilters().AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.ProjectId, e.OrgUnitId, e.Total, e.ReferenceTotal }).ToDictionaryAsync(e => e.Id, ct);
        var projectIds = forms.Values.Select(f => f.ProjectId).OfType<long>().ToList();
        var projects = await db.Projects.IgnoreQueryFilters().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => (p.Code, p.Name), ct);
        var orgIds = forms.Values.Select(f => f.OrgUnitId).Distinct().ToList();
        var orgs = await db.OrgUnits.IgnoreQueryFilters().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return draws.Select(d => new DrawView(d.Id, d.FiscalYear, d.Seed, d.Algorithm, d.EligibleCount, d.Size, d.Explanation, d.DrawnBy, d.DrawnAtUtc,
            d.Items.OrderByDescending(i => i.MustInclude).ThenBy(i => i.EvaluationId).Select(i =>
            {
                var f = forms[i.EvaluationId];
                var (code, name) = f.ProjectId is { } p ? projects[p] : ("", "");
                return new SampledView(i.EvaluationId, code, name, orgs.GetValueOrDefault(f.OrgUnitId, ""), i.Amount, i.MustInclude, f.Total, f.ReferenceTotal,
                    i.QualityScore, i.IndicatorScore, i.ReviewScore, i.Gap, i.Distorted, i.ReviewExplanation);
            }).ToList())).ToList();
    }
}
