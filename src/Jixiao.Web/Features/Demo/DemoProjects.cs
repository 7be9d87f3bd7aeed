using Jixiao.Web.Features.Audit;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Organisation;

namespace Jixiao.Web.Features.Demo;

/// <summary>
/// Fills one county-year with a realistic project library and ledger: personnel and running projects for
/// every unit, sector projects (一级 under the department, 二级 in its units), all four budgets and fund tags,
/// initial approvals, additions, reductions, paired reallocations, carry-overs, recoveries, 待分资金 pools
/// with mid-year allocations (some to new mid-year projects) and payments through the year up to today.
/// Deterministic for a given seed.
/// </summary>
public static class DemoProjects
{
    private static readonly Dictionary<string, string[]> Sector = new()
    {
        ["106"] = ["义务教育公用经费保障", "学生资助补助", "农村义务教育学生营养改善计划", "校舍维修改造", "教师培训", "教育信息化建设", "学前教育发展", "普通高中助学金"],
        ["120"] = ["基本公共卫生服务补助", "医疗设备购置", "重大传染病防控", "家庭医生签约服务", "妇幼健康服务", "计划生育家庭奖励扶助", "全民健身设施建设"],
        ["115"] = ["农村饮水安全维修养护", "河道综合治理", "小型水库除险加固", "水土保持治理", "山洪灾害防治", "灌区节水改造"],
        ["116"] = ["耕地地力保护补贴", "高标准农田建设", "动物防疫补助", "农业技术推广", "农机购置补贴", "农村人居环境整治"],
        ["117"] = ["森林防火", "退耕还林补助", "天然林保护", "林业有害生物防治"],
        ["111"] = ["就业创业补助", "城乡居民养老保险补助", "职业技能培训", "公益性岗位补贴"],
        ["108"] = ["城乡最低生活保障", "特困人员救助供养", "临时救助", "残疾人两项补贴", "养老服务体系建设"],
        ["114"] = ["农村公路养护", "县乡道路改造", "客运站运营补贴"],
        ["113"] = ["老旧小区改造", "城市道路维护", "保障性住房建设", "市政设施维护"],
        ["119"] = ["公共文化服务体系建设", "文物保护", "全域旅游发展", "图书馆免费开放"],
        ["107"] = ["公安业务装备购置", "交通安全设施建设", "雪亮工程运维"],
        ["122"] = ["安全生产监管", "应急物资储备", "防汛抗旱"],
        ["124"] = ["食品安全抽检", "特种设备安全监察"],
        ["126"] = ["城乡居民医疗救助", "医保信息化建设"],
        ["129"] = ["大气污染防治", "农村生活污水治理"],
    };

    private static readonly string[] Generic = ["信息化系统运行维护", "办公用房维修", "业务培训", "专项业务工作经费", "档案数字化", "设备购置"];

    private static readonly string[] Qualifiers = ["（续建）", "（第二批）", "设备更新", "运行维护", "配套资金", "宣传推广", "能力提升", "专项督导"];

    public sealed record Counts(int Projects, int Movements, int Payments);

    public static async Task<Counts> FillAsync(SystemDbContext db, string regionCode, IReadOnlyDictionary<string, OrgUnit> orgs,
        int year, DateOnly today, int targetProjects, int seed, CancellationToken ct)
    {
        var random = new Random(seed);
        var units = orgs.Values.Where(o => o.Kind == OrgKind.Unit).OrderBy(o => o.Code).ToList();
        var departments = orgs.Values.Where(o => o.Kind == OrgKind.Department).ToDictionary(o => o.Id);
        var established = new DateOnly(year - 1, 10, 15);
        var lastDay = today < new DateOnly(year, 12, 31) ? today : new DateOnly(year, 12, 31);
        var serial = 0;
        string NextCode(OrgUnit unit) => $"{year}{unit.Code.PadRight(5, '0')[..5]}{++serial:00000}";

        Project.Details Details(string name, OrgUnit unit, ProjectLevel level, ProjectCategory category, DateOnly on)
        {
            var kindRoll = random.NextDouble();
            var kind = category != ProjectCategory.SpecificPurpose ? BudgetKind.General
                : kindRoll < 0.78 ? BudgetKind.General : kindRoll < 0.9 ? BudgetKind.GovernmentFund
                : kindRoll < 0.95 ? BudgetKind.StateCapital : BudgetKind.SocialInsurance;
            var transferRoll = random.NextDouble();
            var transfer = category != ProjectCategory.SpecificPurpose || transferRoll > 0.35 ? TransferLevel.None
                : transferRoll < 0.15 ? TransferLevel.Central : transferRoll < 0.28 ? TransferLevel.Province : TransferLevel.City;
            var tags = FundTags.None;
            if (category == ProjectCategory.SpecificPurpose)
            {
                if (random.NextDouble() < 0.05) tags |= FundTags.Bond;
                if (random.NextDouble() < 0.02) tags |= FundTags.Ppp;
                if (random.NextDouble() < 0.08) tags |= FundTags.GovernmentPurchase;
            }
            var recurring = category != ProjectCategory.SpecificPurpose || random.NextDouble() < 0.6;
            var start = recurring ? year - random.Next(0, 6) : year;
            return new Project.Details(NextCode(unit), name, level, category, recurring ? Recurrence.Recurring : Recurrence.OneOff,
                start, recurring ? year + random.Next(0, 3) : year, LibraryStatus.Budgeted, kind, transfer, tags, on);
        }

        // 1. Projects: personnel and running for every unit; sector 一级 per department, 二级 in its units.
        var projects = new List<Project>();
        var perUnit = Math.Max(3, targetProjects / Math.Max(1, units.Count));
        var level1 = new Dictionary<long, List<Project>>();
        foreach (var department in departments.Values.OrderBy(d => d.Code))
        {
            var own = units.FirstOrDefault(u => u.ParentId == department.Id && u.Code == department.Code + "01");
            if (own is null) continue;
            var names = Sector.GetValueOrDefault(department.Code, ["重点工作推进"]);
            level1[department.Id] = names.Take(3).Select(n => Project.Create(regionCode, year, own, department.Id,
                Details($"{n}（一级）", own, ProjectLevel.Level1, ProjectCategory.SpecificPurpose, established))).ToList();
            projects.AddRange(level1[department.Id]);
        }
        await DemoWrites.AddAsync(db, projects, ct);

        foreach (var unit in units)
        {
            projects.Add(Project.Create(regionCode, year, unit, null, Details("在职人员工资福利", unit, ProjectLevel.Level1, ProjectCategory.Personnel, established)));
            projects.Add(Project.Create(regionCode, year, unit, null, Details("日常公用经费", unit, ProjectLevel.Level1, ProjectCategory.Operation, established)));
            var parents = level1.GetValueOrDefault(unit.ParentId ?? 0, []);
            var department = departments[unit.ParentId!.Value];
            var names = Sector.GetValueOrDefault(department.Code, []).Concat(Generic).ToArray();
            for (var i = 0; i < perUnit - 2; i++)
            {
                var name = i < names.Length ? names[i] : names[i % names.Length] + Qualifiers[(i / names.Length - 1) % Qualifiers.Length];
                var parent = parents.Count > 0 && random.NextDouble() < 0.7 ? parents[random.Next(parents.Count)] : null;
                projects.Add(Project.Create(regionCode, year, unit, null,
                    Details(name, unit, parent is null ? ProjectLevel.Level1 : ProjectLevel.Level2, ProjectCategory.SpecificPurpose, established), parent: parent));
            }
        }

        // 待分资金 pools held by the business divisions.
        var pools = new List<Project>();
        foreach (var division in orgs.Values.Where(o => o is { Kind: OrgKind.Division, DivisionKind: DivisionKind.Business }).OrderBy(o => o.Code))
        {
            var pool = Project.Create(regionCode, year, division, null,
                new Project.Details($"{year}-{division.Code}", $"{division.Name}待分配专项资金", ProjectLevel.Level1, ProjectCategory.SpecificPurpose,
                    Recurrence.Recurring, year, year, LibraryStatus.Budgeted, BudgetKind.General, TransferLevel.None, FundTags.None, established),
                isPool: true);
            pools.Add(pool);
        }
        await DemoWrites.AddAsync(db, projects.Where(p => p.Id == 0).Concat(pools).ToList(), ct);

        // 2. The ledger.
        var movements = new List<LedgerMovement>();
        var budgets = new Dictionary<long, decimal>();
        var doc = 0;
        string Doc(string prefix) => $"襄财{prefix}〔{year}〕{++doc}号";
        DateOnly Day(int fromMonth, int toMonth)
        {
            var month = random.Next(fromMonth, toMonth + 1);
            var date = new DateOnly(year, month, random.Next(1, DateTime.DaysInMonth(year, month) + 1));
            return date > lastDay ? lastDay : date;
        }
        decimal Amount(double min, double max) => Math.Round((decimal)Math.Exp(Math.Log(min) + random.NextDouble() * (Math.Log(max) - Math.Log(min))) / 100m) * 100m;

        // Money sits on leaf projects; a 一级 project with 二级 projects below it is their sum.
        var parentIds = projects.Where(p => p.ParentId is not null).Select(p => p.ParentId!.Value).ToHashSet();
        var initialDoc = Doc("预");
        foreach (var project in projects.Where(p => !parentIds.Contains(p.Id)))
        {
            var amount = project.Category switch
            {
                ProjectCategory.Personnel => Amount(300_000, 8_000_000),
                ProjectCategory.Operation => Amount(50_000, 800_000),
                _ => Amount(30_000, 6_000_000),
            };
            movements.Add(LedgerMovement.Create(project, MovementKind.InitialApproval, amount, new DateOnly(year, 1, 15), initialDoc, "年初预算批复"));
            budgets[project.Id] = amount;
        }
        foreach (var pool in pools)
        {
            var amount = Amount(5_000_000, 20_000_000);
            movements.Add(LedgerMovement.Create(pool, MovementKind.InitialApproval, amount, new DateOnly(year, 1, 15), initialDoc, "年初预留待分资金"));
            budgets[pool.Id] = amount;
        }

        var specific = projects.Where(p => p.Category == ProjectCategory.SpecificPurpose && budgets.ContainsKey(p.Id)).ToList();
        foreach (var project in specific)
        {
            var roll = random.NextDouble();
            if (roll < 0.15)
                Add(project, MovementKind.Addition, budgets[project.Id] * (decimal)(0.1 + random.NextDouble() * 0.5), Day(3, 10), Doc("追"), "年中追加预算");
            else if (roll < 0.23)
                Add(project, MovementKind.Reduction, budgets[project.Id] * (decimal)(0.05 + random.NextDouble() * 0.3), Day(6, 10), Doc("减"), "执行进度慢，调减预算");
            else if (roll < 0.3 && project.Recurrence == Recurrence.Recurring)
                Add(project, MovementKind.CarryOver, budgets[project.Id] * (decimal)(0.05 + random.NextDouble() * 0.2), new DateOnly(year, 1, 1), Doc("结"), "上年结转资金");
            else if (roll < 0.32)
                Add(project, MovementKind.Recovery, budgets[project.Id] * (decimal)(0.05 + random.NextDouble() * 0.2), Day(9, 11), Doc("收"), "收回沉淀资金");
        }
        // Paired reallocations (调剂) between projects of the same department.
        foreach (var group in specific.GroupBy(p => p.DepartmentId).Where(g => g.Count() > 3))
        {
            var list = group.ToList();
            for (var i = 0; i < Math.Max(1, list.Count / 20); i++)
            {
                var from = list[random.Next(list.Count)];
                var to = list[random.Next(list.Count)];
                if (from.Id == to.Id) continue;
                var amount = Math.Round(budgets[from.Id] * 0.1m / 100m) * 100m;
                if (amount <= 0) continue;
                var document = Doc("调");
                var date = Day(4, 10);
                Add(from, MovementKind.ReallocationOut, amount, date, document, "部门内调剂", to);
                Add(to, MovementKind.ReallocationIn, amount, date, document, "部门内调剂", from);
            }
        }
        // 待分资金 allocations: to existing projects and to new mid-year projects of the divisions' departments.
        var divisionDepartments = db.DivisionAssignments.Where(d => d.RegionCode == regionCode && d.FiscalYear == year)
            .Select(d => new { d.DivisionId, d.DepartmentId }).ToList();
        // First decide the targets (creating the new mid-year projects in one save), then write the pairs.
        var midYear = new List<Project>();
        var allocations = new List<(Project Pool, Project Target, decimal Amount)>();
        foreach (var pool in pools)
        {
            var funded = divisionDepartments.Where(d => d.DivisionId == pool.OrgUnitId).Select(d => d.DepartmentId).ToHashSet();
            var candidates = specific.Where(p => p.DepartmentId is { } d && funded.Contains(d)).ToList();
            if (candidates.Count == 0) continue;
            var remaining = budgets[pool.Id] * 0.8m;
            for (var i = 0; i < 6 && remaining > 0; i++)
            {
                var target = candidates[random.Next(candidates.Count)];
                if (i % 3 == 2)
                {
                    var unit = orgs.Values.Single(o => o.Id == target.OrgUnitId);
                    var on = Day(5, 9);
                    target = Project.Create(regionCode, year, unit, null, Details($"{on.Month}月追加专项（待分资金分配）", unit, ProjectLevel.Level1, ProjectCategory.SpecificPurpose, on));
                    midYear.Add(target);
                }
                var amount = Math.Min(remaining, Amount(200_000, 3_000_000));
                allocations.Add((pool, target, amount));
                remaining -= amount;
            }
        }
        await DemoWrites.AddAsync(db, midYear, ct);
        foreach (var (pool, target, amount) in allocations)
        {
            var date = Max(Day(3, 10), target.EstablishedOn);
            var document = Doc("分");
            Add(pool, MovementKind.PoolAllocationOut, amount, date, document, $"分配至{target.Name}", target);
            Add(target, MovementKind.PoolAllocationIn, amount, date, document, $"{pool.Name}分配", pool);
        }
        await db.InsertAuditedAsync(movements, ct);

        // 3. Payments: most projects follow the calendar, some lag (red lights later), a few overspend nothing.
        var payments = new List<Payment>();
        var voucher = 0;
        var adjusted = movements.GroupBy(m => m.ProjectId).ToDictionary(g => g.Key, g => g.Sum(m => Ledger.SignOf(m.Kind) * m.Amount));
        foreach (var project in projects.Concat(midYear).Where(p => !p.IsPool))
        {
            var budget = adjusted.GetValueOrDefault(project.Id);
            if (budget <= 0) continue;
            var pace = random.NextDouble() switch { < 0.15 => 0.2, < 0.3 => 0.55, _ => 0.85 + random.NextDouble() * 0.15 };
            var share = (decimal)(pace * TimeProgressOf(lastDay, year) * (project.Category == ProjectCategory.SpecificPurpose ? 1 : 1.02));
            var total = Math.Min(budget, Math.Round(budget * share / 100m) * 100m);
            var count = project.Category == ProjectCategory.Personnel ? lastDay.Month : random.Next(2, 9);
            var first = Max(project.EstablishedOn.AddDays(1), new DateOnly(year, 1, 20));
            if (first > lastDay || total <= 0) continue;
            var weights = Enumerable.Range(0, count).Select(_ => 0.5 + random.NextDouble()).ToList();
            var paidSoFar = 0m;
            for (var i = 0; i < count; i++)
            {
                var each = i == count - 1 ? total - paidSoFar : Math.Floor(total * (decimal)(weights[i] / weights.Sum()) / 100m) * 100m;
                paidSoFar += each;
                if (each <= 0) continue;
                var span = lastDay.DayNumber - first.DayNumber;
                var date = DateOnly.FromDayNumber(first.DayNumber + (int)((long)span * (i + 1) / (count + 1)));
                payments.Add(Payment.Create(project, date, each, $"ZF{regionCode}{year}{++voucher:0000000}", project.Category switch
                {
                    ProjectCategory.Personnel => "工资福利支出",
                    ProjectCategory.Operation => "商品和服务支出",
                    _ => random.NextDouble() < 0.5 ? "项目支出" : "采购支出",
                }));
            }
        }
        await db.InsertAuditedAsync(payments, ct);
        return new Counts(projects.Count + pools.Count + midYear.Count, movements.Count, payments.Count);

        void Add(Project project, MovementKind kind, decimal amount, DateOnly date, string document, string reason, Project? counterpart = null)
        {
            amount = Math.Round(amount / 100m) * 100m;
            if (amount <= 0) return;
            movements.Add(LedgerMovement.Create(project, kind, amount, Max(date, project.EstablishedOn), document, reason, counterpart));
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static double TimeProgressOf(DateOnly date, int year) => (double)TimeProgress.AsOf(date, year);
}
