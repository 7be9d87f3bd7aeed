using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Evaluations;

namespace Jixiao.Web.Features.Demo;

/// <summary>
/// The previous year of a county, closed: its projects, ledger and targets, and the self-evaluations issued after
/// it in every state — drafts with findings still to fix, submitted, passed by the department and by finance, a few
/// returned — with actual values drawn around each target, then a spot-check sample partly re-reviewed. The forms are
/// the ones the issue handler would issue, filled and reviewed through the domain; deterministic for a seed.
/// </summary>
public static class DemoEvaluations
{
    public sealed record Result(int Projects, int Forms, int Submitted, int Sampled);

    /// <summary>Reasons a unit gives for a missed indicator, by the kind of indicator it missed (二级指标 as the frame names it).</summary>
    private static readonly (string Level2, string[] Reasons)[] ReasonsByKind =
    [
        ("数量", ["受供货周期影响，部分采购延至次年，已督促供应商并纳入下年计划。", "申报对象少于预期，下年将加大宣传并优化申报流程。",
            "因政策调整，实施范围缩小，已按程序调整并加强后续管理。"]),
        ("质量", ["部分项目验收时发现问题需整改复验，合格率未达目标，已督促实施单位整改到位。", "部分服务未达到标准要求，已加强过程督导和质量抽查。"]),
        ("时效", ["受天气影响工期延后，已制定赶工计划确保完成。", "资金拨付审批环节较多，拨付进度滞后，已简化审批流程。"]),
        ("成本", ["材料和人工价格上涨，实际成本超出预算，下年将优化采购方式、加强成本核算。"]),
        ("效益", ["项目效益需较长周期显现，年内未完全达到预期，已建立跟踪机制持续评估。", "受市场行情影响，带动效果低于预期，下年将加强政策宣传和对接服务。"]),
        ("满意度", ["问卷回收率偏低，部分服务对象对服务时间安排不满意，已调整服务时段并改进调查方式。", "部分群众对项目知晓度不高，下年将加强宣传和沟通，及时回应意见。"]),
    ];

    private static string ReasonFor(SelfEvaluationRow row, Random random)
    {
        var reasons = ReasonsByKind.FirstOrDefault(k => row.Level2.Contains(k.Level2, StringComparison.Ordinal)
                                                          || row.Level1.Contains(k.Level2, StringComparison.Ordinal)).Reasons
                      ?? ["受客观因素影响未完全达到目标，已分析原因并制定改进措施。"];
        return reasons[random.Next(reasons.Length)];
    }

    public static async Task<Result> FillAsync(SystemDbContext db, string regionCode, IReadOnlyDictionary<string, OrgUnit> orgs, int year, int projects,
        int seed, DateTime nowUtc, CancellationToken ct)
    {
        var filled = await DemoProjects.FillAsync(db, regionCode, orgs, year, new DateOnly(year, 12, 31), projects, seed, ct);
        await DemoTargets.FillAsync(db, regionCode, year, orgs, seed, DemoTargets.Season.InYear, ct);
        var people = await DemoMonitoring.People.LoadAsync(db, regionCode, ct);
        var performance = await people.PerformanceUserAsync(db, ct);
        // Issued in January after the year closed, filled and reviewed since.
        var issuedAt = new DateTime(year + 1, 1, 10, 1, 0, 0, DateTimeKind.Utc);
        var until = nowUtc < issuedAt.AddDays(60) ? nowUtc : issuedAt.AddDays(60);
        // The forms 下达自评任务 issues, filled and reviewed before they are written (one write instead of an insert and an update).
        var (issued, _) = await EvaluationWork.FormsToIssueAsync(db, regionCode, year, issuedAt, ct);
        var weights = await EvaluationWork.WeightsAsync(db, regionCode, year, ct);
        var finance = new ReviewActor(performance.UserId, performance.UserName, Role.PerformanceDivision);
        var divisionOf = await DemoMonitoring.People.FundersAsync(db, regionCode, year, ct);

        var random = new Random(seed);
        // The order the stored forms were once read in (subject as text, then project), so that a seed gives the same forms.
        var ordered = issued.OrderBy(e => e.Subject.ToString(), StringComparer.Ordinal).ThenBy(e => e.ProjectId).ThenBy(e => e.OrgUnitId).ToList();
        var submitted = 0;
        foreach (var slice in ordered.Chunk(400))
        {
            foreach (var form in slice)
            {
                var roll = random.Next(100);
                if (roll < 8) continue;
                var at = issuedAt.AddHours(random.Next(24, (int)(until - issuedAt).TotalHours + 25));
                var filler = people.Actor(form.OrgUnitId, ReviewChains.SelfEvaluation.FillerOf(form.Subject));
                var input = Input(form, random);
                form.Fill(filler, input, weights, at);
                // As a unit would: its own scores from the reference ones (sometimes a point self-deducted), the total summed.
                var rows = input.Rows.Select(r =>
                {
                    var row = form.Rows.Single(x => x.Row == r.Row);
                    // A self-deduction stays inside the 达成 band (≥ 80 % of the 分值), as a careful unit's would.
                    var deduct = random.Next(6) == 0 && row.ReferenceWeight >= 5 ? 1 : 0;
                    var score = Math.Max(0, (row.ReferenceScore ?? 0m) - deduct);
                    return r with { Weight = row.ReferenceWeight, Score = score, Reason = row.Attainment == Attainment.Missed ? ReasonFor(row, random) : r.Reason };
                }).ToList();
                var total = form.ReferenceExecutionScore + rows.Sum(r => r.Score ?? 0);
                // A share of the drafts came in as Excel sheets whose printed 总分 is not the sum of their rows (a finding to fix);
                // the rest were filled in the product, where the total is summed.
                var draft = roll < 20;
                input = input with { Rows = rows, ExecutionWeight = form.ReferenceExecutionWeight, ExecutionScore = form.ReferenceExecutionScore,
                    Total = draft && random.Next(2) == 0 ? total + 2 : null };
                form.Fill(filler, input, weights, at);
                if (draft || form.HasBlockingFindings) continue;
                form.Submit(filler, weights, divisionStep: true, at.AddHours(1));
                submitted++;
                var reviewer = people.Actor(form.DepartmentId ?? form.OrgUnitId, Role.DepartmentReviewer);
                if (roll < 40) continue;
                if (form.Subject == TargetSubject.Project)
                {
                    if (roll < 45)
                    {
                        form.Return(reviewer, "偏差原因分析不够具体，请补充说明并附佐证材料。", at.AddHours(30));
                        continue;
                    }
                    form.Approve(reviewer, "同意上报", divisionStep: true, at.AddHours(30));
                }
                if (roll < 55) continue;
                form.Approve(people.Funder(form.DepartmentId ?? form.OrgUnitId, divisionOf), "资金使用情况属实，同意上报", divisionStep: true, at.AddHours(45));
                if (roll < 70) continue;
                form.Approve(finance, "审核通过", divisionStep: true, at.AddHours(60));
            }
            await DemoWrites.AddAsync(db, slice, ct);
            db.ChangeTracker.Clear();
        }

        var draw = await SpotChecks.DrawAsync(db, performance, new DrawRequest(year, Seed: seed, RatioPercent: 10m), until, ct);
        var sample = await db.SpotChecks.Include(d => d.Items).SingleAsync(d => d.Id == draw.Id, ct);
        var totals = await db.SelfEvaluations.AsNoTracking().Where(e => sample.Items.Select(i => i.EvaluationId).Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => e.Total ?? e.ReferenceTotal, ct);
        foreach (var (item, n) in sample.Items.Where((_, i) => i % 2 == 0).Select((item, n) => (item, n)))
        {
            var self = totals[item.EvaluationId];
            // Most re-reviews land near the unit's own score; the first and one in five of the others find it overstated (失真).
            var indicator = Math.Clamp(decimal.Round(self - (n == 0 || random.Next(5) == 0 ? 25 : random.Next(0, 6)), 2), 0, weights.Total);
            // the first one's self-evaluation quality is as poor as its figures, so that the demo always has a 失真 to rectify
            sample.ReReview(item.EvaluationId, self, n == 0 ? indicator : random.Next(70, 96), indicator, weights, performance.UserName, until);
        }
        await db.SaveChangesAsync(ct);
        return new Result(filled.Projects, issued.Count, submitted, sample.Items.Count);
    }

    /// <summary>Actual values around each target: most met, some short, a few well over; qualitative mostly 达成.</summary>
    private static SelfEvaluationInput Input(SelfEvaluation form, Random random) => new(
        $"{form.AnnualGoal.TrimEnd('。')}：全年基本完成。", null, null,
        form.Rows.Select(r =>
        {
            if (r.IsQualitative)
                return new EvaluationRowInput(r.Row, Outcome: random.Next(10) switch { < 8 => QualitativeOutcome.Achieved, < 9 => QualitativeOutcome.PartlyAchieved, _ => QualitativeOutcome.NotAchieved });
            var target = IndicatorValueParser.Parse(r.TargetValue, r.Unit, r.Name, r.Comparison, form.FiscalYear);
            return new EvaluationRowInput(r.Row, Actual: target.Success
                ? Actual(TargetReading.AsScored(target, r.TargetValue, r.Name, r.Direction, ReverseIndicators.NationalDefault).Goal, random)
                : r.TargetValue);
        }).ToList(),
        null);

    private static string Actual(IndicatorValue target, Random random)
    {
        if (target.Kind is ValueKind.Date or ValueKind.DateRange)
            return (target.EndDate ?? target.Date)!.Value.AddDays(random.Next(10) == 0 ? 20 : -random.Next(0, 30)).ToString("yyyy-MM-dd");
        var number = target.Number ?? 0m;
        var reverse = target.Comparison is Comparison.LessOrEqual or Comparison.Less;
        var factor = random.Next(100) switch { < 75 => reverse ? 0.9m : 1m, < 92 => reverse ? 1.1m : 0.85m, _ => reverse ? 0.7m : 1.2m };
        var value = target.Kind == ValueKind.Percent ? Math.Min(100m, number * factor) : number * factor;
        var shown = number == Math.Floor(number) && target.Kind != ValueKind.Percent ? Math.Round(value) : Math.Round(value, 1);
        return shown.ToString(System.Globalization.CultureInfo.InvariantCulture) + (target.Kind == ValueKind.Percent ? "%" : target.Unit);
    }
}
