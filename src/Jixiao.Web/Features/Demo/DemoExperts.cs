using Jixiao.Domain.Experts;
using Jixiao.Domain.Organisation;

namespace Jixiao.Web.Features.Demo;

/// <summary>
/// The demo county's expert pool (专家库): professors, senior accountants and engineers, physicians and teachers across the
/// library's 行业领域 — most from outside the county, some from its own schools, hospitals and centres (linked to their
/// organisation, so that they stand aside for its reviews), a few with avoidance lists, one suspended and one withdrawn —
/// a small pool in the neighbour county, and the <c>expert</c> account linked to its record (贾志刚).
/// </summary>
public static class DemoExperts
{
    /// <summary>The expert the <c>expert</c> demo account belongs to.</summary>
    public const string AccountExpert = "贾志刚";

    /// <summary>An expert as written in the pool: organisation code (of the county) when the organisation is inside it.</summary>
    private sealed record Seed(string Name, string[] Fields, string Title, string Organisation, string? OrgCode, string Phone, string Email = "",
        string[]? AvoidOrgs = null, string[]? AvoidPersons = null);

    private static readonly Seed[] County =
    [
        new(AccountExpert, ["general", "social_security"], "教授", "山西财经大学财政与公共经济学院", null, "13934561287", "jiazhigang@sxufe.edu.cn",
            AvoidPersons: ["贾志强"]),
        new("王慧敏", ["general"], "正高级会计师", "长治市财政局绩效评价中心", null, "13835592046", "wanghm_cz@163.com"),
        new("李建华", ["general", "education"], "高级会计师", "长治市审计局", null, "13903550718"),
        new("秦晓峰", ["general", "grain_reserve"], "高级会计师", "山西长治国有资本投资运营有限公司", null, "15935507362"),
        new("赵国栋", ["transport"], "教授级高级工程师", "山西省交通规划勘察设计院有限公司", null, "13593160428", "zhaogd@sxjtsj.com"),
        new("吕向阳", ["transport", "safety"], "高级工程师", "长治市公路事业发展中心", null, "13700355164"),
        new("孙丽娟", ["health"], "主任医师", "襄垣县人民医院内科", "12002", "13613556029", AvoidOrgs: ["120"]),
        new("范淑芳", ["health"], "主任医师", "襄垣县中医院", "12003", "15135578810"),
        new("周文斌", ["health", "social_security"], "主任医师", "长治医学院附属和平医院", null, "13935526677", "zhouwb@czhpyy.cn"),
        new("刘艳芳", ["education"], "中学正高级教师", "襄垣县第一中学", "10602", "13753567412", AvoidOrgs: ["106"], AvoidPersons: ["刘建军"]),
        new("田红霞", ["education"], "小学高级教师", "襄垣实验小学", "10605", "15803559261"),
        new("张志强", ["education", "culture"], "教授", "长治学院教育系", null, "13467712583", "zhangzq@czc.edu.cn"),
        new("郭红梅", ["agriculture"], "推广研究员", "襄垣县农技推广中心", "11602", "13485523790"),
        new("胡晓军", ["agriculture"], "高级兽医师", "襄垣县畜牧兽医中心", "11603", "13994601835"),
        new("马俊峰", ["agriculture", "forestry"], "研究员", "山西农业大学农业经济管理学院", null, "13700543961", "majf@sxau.edu.cn"),
        new("郝文杰", ["forestry", "natural_resources"], "正高级工程师", "山西省林业和草原科学研究院", null, "13834670215"),
        new("冯建军", ["housing", "urban_management"], "高级工程师（一级造价工程师）", "山西华诚工程造价咨询有限公司", null, "13663553408",
            AvoidOrgs: ["113"]),
        new("常海燕", ["housing", "transport"], "高级工程师（一级造价工程师）", "长治市建设工程造价管理站", null, "13546691072",
            AvoidOrgs: ["114", "11402"]),
        new("杨晓东", ["water"], "正高级工程师", "山西省水利水电勘测设计研究院有限公司", null, "13803460957"),
        new("韩志远", ["water", "natural_resources"], "高级工程师", "长治市水利事业发展中心", null, "15234573318"),
        new("陈雅琴", ["hr_social_security"], "高级经济师", "长治市人力资源和社会保障局", null, "13935501846"),
        new("段丽萍", ["hr_social_security", "social_security"], "副教授", "山西大学经济与管理学院", null, "13753102987", "duanlp@sxu.edu.cn"),
        new("王建平", ["social_security"], "高级会计师", "襄垣县社保中心", "11103", "13610553275", AvoidPersons: ["王建新"]),
        new("李宏伟", ["culture", "tourism"], "副研究员", "山西省社会科学院", null, "13015406693"),
        new("宋玉兰", ["culture"], "研究馆员", "长治市图书馆", null, "15903552714"),
        new("牛志刚", ["safety"], "高级工程师（注册安全工程师）", "潞安化工集团安全监察局", null, "13935590842"),
        new("刘宏", ["market_supervision"], "高级经济师", "长治市市场监督管理局", null, "13834508871"),
        new("白云龙", ["urban_management"], "高级工程师", "长治市生态环境监测中心", null, "13593527046"),
        new("赵俊", ["natural_resources", "public_security"], "研究员", "山西省国土空间规划研究院", null, "13453147720"),
        new("武建英", ["general", "education"], "高级会计师", "长治市教育局计划财务科", null, "13903558132"),
        new("任国庆", ["general"], "副教授", "长治学院经济管理系", null, "13834537196", "rengq@czc.edu.cn"),
    ];

    private static readonly Seed[] Neighbour =
    [
        new("秦玉芬", ["education"], "中学高级教师", "黎城一中", "10602", "13753584410"),
        new("王晓丽", ["health"], "主任医师", "黎城县人民医院妇产科", "12002", "13383552906"),
        new("周文斌", ["health", "social_security"], "主任医师", "长治医学院附属和平医院", null, "13935526677", "zhouwb@czhpyy.cn"),
    ];

    public static async Task<int> FillAsync(SystemDbContext db, IReadOnlyDictionary<string, OrgUnit> home, IReadOnlyDictionary<string, OrgUnit> neighbour,
        CancellationToken ct)
    {
        var county = County.Select(s => Expert.Create(DemoCounty.RegionCode, Details(s, home))).ToList();
        county.Single(e => e.Name == "任国庆").Suspend("上年度两次抽中后未参加评审、未说明理由，暂停一年");
        county.Single(e => e.Name == "武建英").Withdraw("本人已退休，书面申请退出专家库");
        db.Experts.AddRange(county);
        db.Experts.AddRange(Neighbour.Select(s => Expert.Create(DemoCounty.NeighbourRegionCode, Details(s, neighbour))));
        await db.SaveChangesAsync(ct);

        var account = await db.Users.SingleAsync(u => u.UserName == "expert", ct);
        account.ExpertId = county.Single(e => e.Name == AccountExpert).Id;
        await db.SaveChangesAsync(ct);
        return county.Count;
    }

    private static ExpertDetails Details(Seed s, IReadOnlyDictionary<string, OrgUnit> orgs) =>
        new(s.Name, s.Fields, s.Title, s.Organisation, s.OrgCode is { } code ? orgs[code].Id : null, s.Phone, s.Email,
            (s.AvoidOrgs ?? []).Select(c => orgs[c].Id).ToList(), s.AvoidPersons ?? []);
}
