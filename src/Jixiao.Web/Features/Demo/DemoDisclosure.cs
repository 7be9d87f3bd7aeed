using Jixiao.Domain.Disclosure;
using Jixiao.Web.Features.Disclosure;

namespace Jixiao.Web.Features.Demo;

/// <summary>
/// The demo county's publications: this year's approved project and department targets published with the budget, last year's approved
/// self-evaluation results and key evaluation reports with the final accounts — each with a few items kept from the public with their reason and basis.
/// </summary>
public static class DemoDisclosure
{
    public static async Task<int> FillAsync(SystemDbContext db, string region, int year, DateTime nowUtc, CancellationToken ct)
    {
        var perf = await DemoCounty.PerformanceUserAsync(db, region, ct);
        var published = 0;
        foreach (var (kind, of, withheld) in new (PublicationKind, int, (string Reason, string Note)[])[]
                 {
                     (PublicationKind.ProjectTargets, year, [("涉及国家秘密", "县保密局定密通知（襄保〔" + year + "〕3 号）"), ("依申请公开", "涉及第三方合同，按依申请公开办理")]),
                     (PublicationKind.DepartmentTargets, year, []),
                     (PublicationKind.SelfEvaluationResults, year - 1, [("涉及个人隐私", "含救助对象个人信息")]),
                     (PublicationKind.EvaluationReports, year - 1, []),
                 })
        {
            var candidates = await DisclosureWork.CandidatesAsync(db, region, of, kind, ct);
            // items spread over the list (the 4th, 11th … candidate), so that the kept ones fall in different departments
            foreach (var ((reason, note), candidate) in withheld.Zip(candidates.Where((_, i) => i % 7 == 3)))
                await DisclosureWork.WithholdAsync(db, perf, new WithholdRequest(of, kind, candidate.SourceKey, reason, note), nowUtc, ct);
            if (candidates.Count > withheld.Length)
                published += (await DisclosureWork.PublishAsync(db, perf, new PublishRequest(of, kind), nowUtc, ct)).Items;
        }
        return published;
    }
}
