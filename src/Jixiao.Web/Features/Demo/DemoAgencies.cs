using Jixiao.Domain.Agencies;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.Organisation;

namespace Jixiao.Web.Features.Demo;

/// <summary>
/// The demo county's third-party agency register (第三方机构库): accounting firms, consultancies, an appraiser, a law firm, a
/// university and an academy — most in the register, one suspended and one blacklisted after poor reports, two with a
/// conflict of interest on record — and the <c>agency</c> account linked to its firm. Last year's ratings are computed from last
/// year's engagements (<see cref="DemoEngagements"/>).
/// </summary>
public static class DemoAgencies
{
    /// <summary>The firm the <c>agency</c> demo account works for.</summary>
    public const string AccountFirm = "山西正信会计师事务所";

    private sealed record Seed(string Name, AgencyType Type, string CreditPrefix, string Subject, string Contact, string Phone, string Address,
        int Staff, EngagementScope[] Scopes);

    private static readonly Seed[] County =
    [
        new(AccountFirm, AgencyType.AccountingFirm, "31140400", "MA0K7H2N1", "韩立新", "0355-2021368", "长治市潞州区英雄中路 168 号", 46,
            [EngagementScope.Monitoring, EngagementScope.DepartmentEvaluation, EngagementScope.KeyEvaluation, EngagementScope.ExAnte]),
        new("长治市华宇绩效评价咨询有限公司", AgencyType.Consulting, "91140400", "MA0GY3KD5", "段晓燕", "0355-3056712", "长治市潞州区太行东街 57 号", 28,
            [EngagementScope.ExAnte, EngagementScope.TargetReview, EngagementScope.Monitoring, EngagementScope.DepartmentEvaluation, EngagementScope.KeyEvaluation]),
        new("山西中天衡资产评估有限公司", AgencyType.AssetAppraisal, "91140100", "MA0H4C8L2", "王振华", "0351-7265530", "太原市小店区长风街 115 号", 35,
            [EngagementScope.ExAnte, EngagementScope.KeyEvaluation]),
        new("山西晋和律师事务所", AgencyType.LawFirm, "31140000", "E0A5B6W3X", "李明哲", "0351-4082217", "太原市迎泽区新建南路 9 号", 22,
            [EngagementScope.ExAnte]),
        new("山西财经大学公共管理学院", AgencyType.University, "12140000", "4050033P1", "刘春梅", "0351-7666158", "太原市小店区坞城路 140 号", 60,
            [EngagementScope.ExAnte, EngagementScope.TargetReview, EngagementScope.KeyEvaluation]),
        new("山西省社会科学院（山西省人民政府发展研究中心）", AgencyType.ResearchInstitute, "12140000", "4050012X4", "赵建军", "0351-5691246",
            "太原市杏花岭区府东街 31 号", 40, [EngagementScope.ExAnte, EngagementScope.KeyEvaluation]),
        new("山西鼎诚会计师事务所有限公司", AgencyType.AccountingFirm, "91140400", "MA0JB2T67", "常瑞", "0355-2186640", "长治市潞州区紫金西街 22 号", 31,
            [EngagementScope.Monitoring, EngagementScope.DepartmentEvaluation, EngagementScope.KeyEvaluation]),
        new("长治市立信税务师事务所有限公司", AgencyType.AccountingFirm, "91140400", "MA0HQ5RA8", "申国庆", "0355-2239175", "长治市潞州区府后西街 3 号", 12,
            [EngagementScope.Monitoring, EngagementScope.DepartmentEvaluation]),
        new("太原博瑞管理咨询有限公司", AgencyType.Consulting, "91140100", "MA0L0N9F3", "郝鹏", "0351-8327705", "太原市万柏林区和平南路 86 号", 9,
            [EngagementScope.DepartmentEvaluation, EngagementScope.KeyEvaluation]),
    ];

    private static readonly Seed[] Neighbour =
    [
        new("山西黎明会计师事务所", AgencyType.AccountingFirm, "31140400", "MA0M2P4D7", "牛建平", "0355-6621045", "黎城县黎侯镇新华街 12 号", 15,
            [EngagementScope.Monitoring, EngagementScope.DepartmentEvaluation]),
        new("长治市华宇绩效评价咨询有限公司", AgencyType.Consulting, "91140400", "MA0GY3KD5", "段晓燕", "0355-3056712", "长治市潞州区太行东街 57 号", 28,
            [EngagementScope.KeyEvaluation]),
    ];

    public sealed record Counts(int Agencies, int Suspended, int Blacklisted, int Conflicts);

    public static async Task<Counts> FillAsync(SystemDbContext db, IReadOnlyDictionary<string, OrgUnit> home, int year, CancellationToken ct)
    {
        var county = County.Select(s => Agency.Create(DemoCounty.RegionCode, Details(s))).ToList();
        var firm = county[0];
        firm.AddConflict(home["12002"].Id, ConflictSource.Declared, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31),
            "承担县人民医院本年度财务报表年审");
        county[6].AddConflict(home["106"].Id, ConflictSource.Recorded, new DateOnly(year - 1, 3, 1), null, "为教育科技局所属学校提供代理记账服务（合同至今有效）");
        county[7].Suspend($"{year - 1} 年度第三方评价报告质量考核不合格，暂停承接业务一年", new DateOnly(year, 3, 1), new DateOnly(year + 1, 2, 28));
        county[8].Blacklist("提交的重点评价报告大段抄袭其他县报告、现场核查记录不实，列入黑名单三年", new DateOnly(year - 1, 11, 15), new DateOnly(year + 2, 11, 14));
        db.Agencies.AddRange(county);
        db.Agencies.AddRange(Neighbour.Select(s => Agency.Create(DemoCounty.NeighbourRegionCode, Details(s))));
        await db.SaveChangesAsync(ct);

        var account = await db.Users.SingleAsync(u => u.UserName == "agency", ct);
        account.AgencyId = firm.Id;
        await db.SaveChangesAsync(ct);
        return new Counts(county.Count, 1, 1, 2);
    }

    private static AgencyDetails Details(Seed s)
    {
        var first17 = s.CreditPrefix + s.Subject;
        return new AgencyDetails(s.Name, s.Type, first17 + CreditCode.CheckCharacter(first17), s.Contact, s.Phone, "", s.Address, s.Staff,
            s.Scopes.Select(scope => new AgencyQualification(scope, Certificate(s.Type, scope))).ToList());
    }

    private static string Certificate(AgencyType type, EngagementScope scope) => type switch
    {
        AgencyType.AccountingFirm => "会计师事务所执业证书",
        AgencyType.AssetAppraisal => "资产评估机构备案公告",
        AgencyType.LawFirm => "律师事务所执业许可证",
        AgencyType.University or AgencyType.ResearchInstitute => scope == EngagementScope.ExAnte ? "事业单位法人证书；同类评估业绩 3 项" : "事业单位法人证书",
        _ => "营业执照（经营范围含绩效评价咨询）",
    };
}
