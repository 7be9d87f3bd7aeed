using Jixiao.Domain.Organisation;

namespace Jixiao.Web.Features.Demo;

/// <summary>
/// The demo county's organisation tree and accounts, written as data: 襄垣县 (140423) with its finance
/// bureau, divisions, ~70 departments and units, plus a small neighbour county (黎城县) to show scope.
/// </summary>
public static class DemoCounty
{
    public const string Password = "Jixiao@2026";
    public const string RegionCode = "140423";
    public const string NeighbourRegionCode = "140426";

    public static readonly (string Code, string Name)[] Regions =
    [
        ("140000", "山西省"), ("140400", "长治市"), ("140423", "襄垣县"), ("140426", "黎城县"),
    ];

    public sealed record Division(string Code, string Name, DivisionKind Kind, string[] Departments);

    public static readonly Division[] Divisions =
    [
        new("FIN01", "预算股", DivisionKind.Budget, []),
        new("FIN02", "绩效管理股", DivisionKind.Performance, []),
        new("FIN03", "行政政法股", DivisionKind.Business, ["101", "102", "103", "104", "107", "109", "123", "125", "127"]),
        new("FIN04", "教科文股", DivisionKind.Business, ["106", "119"]),
        new("FIN05", "社会保障股", DivisionKind.Business, ["108", "111", "120", "121", "126"]),
        new("FIN06", "经济建设股", DivisionKind.Business, ["105", "112", "113", "114", "118", "122", "124", "128", "129"]),
        new("FIN07", "农业农村股", DivisionKind.Business, ["115", "116", "117", "130", "131", "132", "133", "134", "135"]),
    ];

    /// <summary>Departments (code, name) with their units (code suffix, name); every department has its 本级 unit.</summary>
    public static readonly (string Code, string Name, (string Code, string Name)[] Units)[] Departments =
    [
        ("101", "中共襄垣县委办公室", []),
        ("102", "襄垣县人大常委会办公室", []),
        ("103", "襄垣县人民政府办公室", [("02", "襄垣县机关事务服务中心")]),
        ("104", "政协襄垣县委员会办公室", []),
        ("105", "襄垣县发展和改革局", []),
        ("106", "襄垣县教育科技局", [("02", "襄垣县第一中学校"), ("03", "襄垣县第二中学校"), ("04", "襄垣县职业高级中学校"),
            ("05", "襄垣县实验小学"), ("06", "襄垣县城关中学"), ("07", "襄垣县幼儿园")]),
        ("107", "襄垣县公安局", [("02", "襄垣县公安局交通警察大队")]),
        ("108", "襄垣县民政局", [("02", "襄垣县社会福利院")]),
        ("109", "襄垣县司法局", []),
        ("111", "襄垣县人力资源和社会保障局", [("02", "襄垣县公共就业服务中心"), ("03", "襄垣县社会保险中心")]),
        ("112", "襄垣县自然资源局", []),
        ("113", "襄垣县住房和城乡建设管理局", [("02", "襄垣县城市管理综合服务中心")]),
        ("114", "襄垣县交通运输局", [("02", "襄垣县公路段")]),
        ("115", "襄垣县水利局", [("02", "襄垣县水资源服务中心"), ("03", "襄垣县水利工作站")]),
        ("116", "襄垣县农业农村局", [("02", "襄垣县农业技术推广中心"), ("03", "襄垣县畜牧兽医发展中心")]),
        ("117", "襄垣县林业局", [("02", "襄垣县国有林场")]),
        ("118", "襄垣县商务局", []),
        ("119", "襄垣县文化和旅游局", [("02", "襄垣县图书馆"), ("03", "襄垣县文化馆")]),
        ("120", "襄垣县卫生健康和体育局", [("02", "襄垣县人民医院"), ("03", "襄垣县中医医院"),
            ("04", "襄垣县疾病预防控制中心"), ("05", "襄垣县妇幼保健计划生育服务中心")]),
        ("121", "襄垣县退役军人事务局", []),
        ("122", "襄垣县应急管理局", []),
        ("123", "襄垣县审计局", []),
        ("124", "襄垣县市场监督管理局", []),
        ("125", "襄垣县统计局", []),
        ("126", "襄垣县医疗保障局", []),
        ("127", "襄垣县行政审批服务管理局", []),
        ("128", "襄垣县能源局", []),
        ("129", "长治市生态环境局襄垣分局", []),
        ("130", "襄垣县乡村振兴服务中心", []),
        ("131", "襄垣县古韩镇人民政府", []),
        ("132", "襄垣县王桥镇人民政府", []),
        ("133", "襄垣县侯堡镇人民政府", []),
        ("134", "襄垣县夏店镇人民政府", []),
        ("135", "襄垣县虒亭镇人民政府", []),
    ];

    /// <summary>The towns of <see cref="Departments"/> (131–135), as 襄垣县 has them; every other county gets its own.</summary>
    public static readonly string[] TemplateTowns = ["古韩镇", "王桥镇", "侯堡镇", "夏店镇", "虒亭镇"];

    /// <summary>A county's own five towns: 黎城县's real ones, the generated counties' common names (城关镇 …).</summary>
    public static string[] TownsOf(string countyName) => countyName switch
    {
        "襄垣县" => TemplateTowns,
        "黎城县" => ["黎侯镇", "东阳关镇", "上遥镇", "西井镇", "黄崖洞镇"],
        _ => ["城关镇", "东关镇", "西关镇", "南关镇", "北关镇"],
    };

    /// <summary>A demo account: user name, display name, region, organisation code (null: none), role.</summary>
    public sealed record Account(string UserName, string DisplayName, string Region, string? OrgCode, Role Role);

    public static readonly Account[] Accounts =
    [
        new("sysadmin", "王建国（系统管理员）", RegionCode, "FIN00", Role.SystemAdmin),
        new("secadmin", "李卫东（安全管理员）", RegionCode, "FIN00", Role.SecurityAdmin),
        new("auditadmin", "赵丽萍（审计管理员）", RegionCode, "FIN00", Role.AuditAdmin),
        new("perf", "张敏（绩效管理股）", RegionCode, "FIN02", Role.PerformanceDivision),
        new("budget", "刘洋（预算股）", RegionCode, "FIN01", Role.PerformanceDivision),
        new("jkw", "陈静（教科文股）", RegionCode, "FIN04", Role.BusinessDivision),
        new("nongye", "郭强（农业农村股）", RegionCode, "FIN07", Role.BusinessDivision),
        new("shebao", "孙红（社会保障股）", RegionCode, "FIN05", Role.BusinessDivision),
        new("edu", "杨帆（教育科技局）", RegionCode, "106", Role.DepartmentReviewer),
        new("health", "马超（卫生健康和体育局）", RegionCode, "120", Role.DepartmentReviewer),
        new("water", "韩雪（水利局）", RegionCode, "115", Role.DepartmentReviewer),
        new("yizhong", "周涛（第一中学）", RegionCode, "10602", Role.UnitFiller),
        new("shiyan", "吴芳（实验小学）", RegionCode, "10605", Role.UnitFiller),
        new("hospital", "郑磊（县人民医院）", RegionCode, "12002", Role.UnitFiller),
        new("shuiziyuan", "冯娟（水资源服务中心）", RegionCode, "11502", Role.UnitFiller),
        new("agency", "山西正信会计师事务所", RegionCode, null, Role.Agency),
        new("expert", "贾志刚（评审专家）", RegionCode, null, Role.Expert),
        new("lc.perf", "秦岚（黎城县绩效股）", NeighbourRegionCode, "FIN02", Role.PerformanceDivision),
        new("lc.unit", "段勇（黎城县第一中学）", NeighbourRegionCode, "10602", Role.UnitFiller),
    ];

    /// <summary>A demo account signed in as it would be for a request (its scope loaded), for the demo's steps that act through the use cases.</summary>
    public static async Task<CurrentUser> SignedInAsync(SystemDbContext db, long userId, CancellationToken ct)
    {
        var (scope, user) = await ScopeLoader.LoadAsync(db, userId, ct) ?? throw new InvalidOperationException($"演示账号 {userId} 已停用。");
        var current = new CurrentUser();
        current.Set(scope, user.Id, user.UserName!, user.RegionCode);
        return current;
    }

    /// <summary>The region's performance division account (绩效股), signed in.</summary>
    public static async Task<CurrentUser> PerformanceUserAsync(SystemDbContext db, string region, CancellationToken ct)
    {
        var name = Accounts.First(a => a.Region == region && a.Role == Role.PerformanceDivision).UserName;
        return await SignedInAsync(db, await db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync(ct), ct);
    }
}
