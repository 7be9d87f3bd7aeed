using BenchmarkDotNet.Attributes;
using Jixiao.Domain.Access;
using Jixiao.Domain.Audit;
using Jixiao.Domain.Organisation;

namespace Jixiao.Benchmarks;

/// <summary>
/// The per-request and per-save costs the foundation adds: computing a user's scope from a county's
/// organisation tree (every request) and hashing audit records (every save), plus verifying a long chain.
/// </summary>
[MemoryDiagnoser]
public class FoundationBenchmarks
{
    private List<OrgNode> _county = [];
    private List<DivisionDepartment> _links = [];
    private List<(AuditLink, string)> _chain = [];

    [GlobalSetup]
    public void Setup()
    {
        // A large county: bureau, 8 divisions, 150 departments with 10 units each (1,659 organisations).
        var id = 1L;
        _county.Add(new OrgNode(id, null, OrgKind.FinanceBureau, null, "140423"));
        for (var d = 0; d < 8; d++) _county.Add(new OrgNode(++id, 1, OrgKind.Division, d == 0 ? DivisionKind.Performance : DivisionKind.Business, "140423"));
        for (var d = 0; d < 150; d++)
        {
            var dept = ++id;
            _county.Add(new OrgNode(dept, null, OrgKind.Department, null, "140423"));
            _links.Add(new DivisionDepartment(3 + d % 6, dept));
            for (var u = 0; u < 10; u++) _county.Add(new OrgNode(++id, dept, OrgKind.Unit, null, "140423"));
        }

        var previous = AuditChain.Genesis;
        for (var i = 1; i <= 100_000; i++)
        {
            var link = new AuditLink("140423", i, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(i), 7, "perf",
                AuditAction.Update, "Project", i.ToString(), """{"Name":{"before":"甲","after":"乙"}}""", previous);
            previous = AuditChain.Hash(link);
            _chain.Add((link, previous));
        }
    }

    [Benchmark(Description = "scope: business division over a 1,659-org county")]
    public AccessScope BusinessDivisionScope() =>
        ScopeRules.For(1, [Role.BusinessDivision], "140423", 3, ["140423"], _county, _links);

    [Benchmark(Description = "scope: department reviewer")]
    public AccessScope DepartmentScope() =>
        ScopeRules.For(1, [Role.DepartmentReviewer], "140423", 10, ["140423"], _county, _links);

    [Benchmark(Description = "audit: hash one record")]
    public string HashOne() => AuditChain.Hash(_chain[500].Item1);

    [Benchmark(Description = "audit: verify a 100,000-record chain")]
    public int VerifyChain() => AuditChain.Verify("140423", _chain, (_chain.Count, _chain[^1].Item2)).Count;
}
