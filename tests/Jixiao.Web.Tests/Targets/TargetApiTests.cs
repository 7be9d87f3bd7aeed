using System.Net;
using System.Net.Http.Json;
using Jixiao.Domain.Access;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Targets;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Targets;

/// <summary>Targets through the API: the whole review chain, returns with reasons, locking, versions and scope.</summary>
public sealed class TargetApiTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;
    private static readonly int Year = BusinessCalendar.YearOf(DateTimeOffset.UtcNow);

    internal sealed record Indicator(int Row, string Level1, string Level2, string Name, Comparison Comparison, string TargetValue, string Unit, long? LibraryEntryId);
    internal sealed record Step(int Seq, ReviewAction Action, string UserName, string Opinion, ReviewGrade? Grade);
    internal sealed record Target(long Id, int Version, TargetState State, string AnnualGoal, List<Indicator> Indicators, List<Step> Steps);
    internal sealed record Issue(bool Blocking, int? Row, string Field, string Message);
    internal sealed record VersionDto(long Id, int Version, TargetState State);
    internal sealed record Change(string Kind, string What, string? Before, string? After);
    internal sealed record View(Target Target, string SubjectName, List<Issue> Issues, List<VersionDto> Versions, List<Change> ChangesFromPrevious,
        List<ReviewAction> AllowedActions, bool CanEdit);
    internal sealed record Row(long? TargetId, long? ProjectId, string Code, string Name, TargetState? State, string? LastOpinion);
    internal sealed record Inbox(List<Row> Rows, int Total, Dictionary<string, int> Counts);
    internal sealed record Entry(long Id, string Level1, string Level2, string Name, string Sector);
    internal sealed record LibraryPage(List<Entry> Rows, int Total);

    /// <summary>Goals and six indicators: three picked from the education library, three written by the unit.</summary>
    internal static async Task<object> ContentAsync(HttpClient client, string valueOfFirst = "≥735人次")
    {
        var library = (await client.GetJsonAsync<LibraryPage>("/api/library?sector=education&level1=产出指标&pageSize=50"))!;
        Assert.True(library.Total > 10, $"the education library should be seeded, got {library.Total}");
        var quantity = library.Rows.First(e => e.Level2 == "数量指标");
        var quality = library.Rows.First(e => e.Level2 == "质量指标");
        return new
        {
            overallGoal = "保障家庭经济困难学生顺利完成学业",
            annualGoal = "按标准足额发放资助资金，受助学生满意",
            indicators = new object[]
            {
                new { level1 = "产出指标", level2 = "数量指标", name = quantity.Name, comparison = "GreaterOrEqual", targetValue = valueOfFirst, unit = "人次", basis = "Plan", libraryEntryId = quantity.Id },
                new { level1 = "产出指标", level2 = "质量指标", name = quality.Name, comparison = "GreaterOrEqual", targetValue = "≥98%", unit = "%", basis = "Industry", libraryEntryId = quality.Id },
                new { level1 = "产出指标", level2 = "时效指标", name = "资金发放及时率", comparison = "GreaterOrEqual", targetValue = "100%", unit = "%", basis = "Plan" },
                new { level1 = "产出指标", level2 = "成本指标", name = "生均补助标准", comparison = "LessOrEqual", targetValue = "≤1000元/生", unit = "元/生", basis = "BudgetStandard" },
                new { level1 = "效益指标", level2 = "社会效益指标", name = "困难学生辍学情况", comparison = "Qualitative", targetValue = "有效控制", unit = "", basis = "History" },
                new { level1 = "满意度指标", level2 = "服务对象满意度指标", name = "受助学生满意度", comparison = "GreaterOrEqual", targetValue = "≥90%", unit = "%", basis = "Plan" },
            },
        };
    }

    private static async Task<View> ActAsync(HttpClient client, long id, string verb, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync($"/api/targets/{id}/{verb}", body, ApiJson.Options);
        Assert.True(response.StatusCode == expected, $"{verb}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadJsonAsync<View>())!;
    }

    private static async Task<long> UnstartedProjectAsync(JixiaoApp app, string unitCode) =>
        await app.AsSystemAsync<SystemDbContext, long>(async db =>
        {
            var unit = await app.OrgIdAsync(DemoCounty.RegionCode, unitCode);
            return await db.Projects.Where(p => p.OrgUnitId == unit && p.FiscalYear == Year && p.Status == LibraryStatus.Budgeted && !p.IsPool
                                                && !db.Targets.Any(t => t.ProjectId == p.Id))
                .OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync();
        });

    [Theory, MemberData(nameof(Providers))]
    public async Task ReviewChain_ReturnWithReason_Resubmit_ApproveThrough_LockThenAdjustToVersion2(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var unit = await app.ClientForAsync("yizhong");
        using var department = await app.ClientForAsync("edu");
        using var division = await app.ClientForAsync("jkw");
        using var performance = await app.ClientForAsync("perf");
        var projectId = await UnstartedProjectAsync(app, "10602");

        var notStarted = (await unit.GetJsonAsync<Inbox>($"/api/targets/inbox?year={Year}&box=NotStarted&pageSize=200"))!;
        Assert.Contains(notStarted.Rows, r => r.ProjectId == projectId);

        var created = await unit.PostAsJsonAsync($"/api/targets/projects/{projectId}", new { from = "Blank" }, ApiJson.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadJsonAsync<View>())!.Target.Id;
        Assert.Equal(HttpStatusCode.Conflict, (await unit.PostAsJsonAsync($"/api/targets/projects/{projectId}", new { from = "Blank" }, ApiJson.Options)).StatusCode);

        var saved = await unit.PutAsJsonAsync($"/api/targets/{id}", await ContentAsync(unit), ApiJson.Options);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        await ActAsync(unit, id, "submit", new { });

        // The unit cannot review its own targets, and another unit cannot even see them.
        var selfApprove = await ActAsync(unit, id, "approve", new { grade = "Excellent" }, HttpStatusCode.Conflict);
        using var otherUnit = await app.ClientForAsync("shiyan");
        Assert.Equal(HttpStatusCode.NotFound, (await otherUnit.GetAsync($"/api/targets/{id}")).StatusCode);
        // 农业农村股 does not fund 教育科技局: it cannot see the targets at all.
        using var otherDivision = await app.ClientForAsync("nongye");
        Assert.Equal(HttpStatusCode.NotFound, (await otherDivision.GetAsync($"/api/targets/{id}")).StatusCode);

        var todo = (await department.GetJsonAsync<Inbox>($"/api/targets/inbox?year={Year}&box=Todo&pageSize=200"))!;
        Assert.Contains(todo.Rows, r => r.TargetId == id);
        var noReason = await department.PostAsJsonAsync($"/api/targets/{id}/return", new { opinion = "" }, ApiJson.Options);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("理由", await noReason.Content.ReadAsStringAsync());
        await ActAsync(department, id, "return", new { opinion = "满意度指标请写明调查方式与样本量" });

        var returned = (await unit.GetJsonAsync<Inbox>($"/api/targets/inbox?year={Year}&box=Returned&pageSize=200"))!;
        Assert.Equal("满意度指标请写明调查方式与样本量", returned.Rows.Single(r => r.TargetId == id).LastOpinion);
        Assert.True(returned.Counts["Returned"] >= 1);

        Assert.True((await unit.PutAsJsonAsync($"/api/targets/{id}", await ContentAsync(unit, "≥740人次"), ApiJson.Options)).IsSuccessStatusCode);
        await ActAsync(unit, id, "submit", new { });
        await ActAsync(department, id, "approve", new { grade = "Excellent", opinion = "同意" });
        Assert.Contains(ReviewAction.Reject, (await division.GetJsonAsync<View>($"/api/targets/{id}"))!.AllowedActions);
        await ActAsync(division, id, "approve", new { grade = "Good", opinion = "同意，已核对成本指标" });
        var approved = await ActAsync(performance, id, "approve", new { grade = "Excellent" });

        Assert.Equal(TargetState.Approved, approved.Target.State);
        Assert.Equal(["yizhong", "edu", "yizhong", "edu", "jkw", "perf"], approved.Target.Steps.Select(s => s.UserName));
        Assert.Equal([ReviewGrade.Fair, ReviewGrade.Excellent, ReviewGrade.Good, ReviewGrade.Excellent],
            approved.Target.Steps.Where(s => s.Grade is not null).Select(s => s.Grade!.Value));
        Assert.Contains(approved.Target.Indicators, i => i.LibraryEntryId is not null);

        var locked = await unit.PutAsJsonAsync($"/api/targets/{id}", await ContentAsync(unit), ApiJson.Options);
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        Assert.Contains("锁定", await locked.Content.ReadAsStringAsync());

        var adjusted = await unit.PostAsJsonAsync($"/api/targets/{id}/adjust", new { opinion = "年中追加资金，受助人数增加" }, ApiJson.Options);
        Assert.Equal(HttpStatusCode.Created, adjusted.StatusCode);
        var v2 = (await adjusted.Content.ReadJsonAsync<View>())!;
        Assert.Equal((2, TargetState.Draft), (v2.Target.Version, v2.Target.State));
        Assert.Equal([TargetState.Approved, TargetState.Draft], v2.Versions.Select(v => v.State));
        Assert.True((await unit.PutAsJsonAsync($"/api/targets/{v2.Target.Id}", await ContentAsync(unit, "≥900人次"), ApiJson.Options)).IsSuccessStatusCode);
        await ActAsync(unit, v2.Target.Id, "submit", new { });
        await ActAsync(department, v2.Target.Id, "approve", new { grade = "Excellent" });
        await ActAsync(division, v2.Target.Id, "approve", new { grade = "Excellent" });
        var v2Approved = await ActAsync(performance, v2.Target.Id, "approve", new { grade = "Excellent" });
        Assert.Equal([TargetState.Superseded, TargetState.Approved], v2Approved.Versions.Select(v => v.State));
        var change = Assert.Single(v2Approved.ChangesFromPrevious);
        Assert.Contains("≥740人次", change.Before);
        Assert.Contains("≥900人次", change.After);
        Assert.Equal(TargetState.Superseded, (await unit.GetJsonAsync<View>($"/api/targets/{id}"))!.Target.State);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Submit_WithQualityErrors_IsRefusedRowByRow_AndNothingChanges(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var unit = await app.ClientForAsync("shiyan");
        var projectId = await UnstartedProjectAsync(app, "10605");
        var created = await unit.PostAsJsonAsync($"/api/targets/projects/{projectId}", new { from = "Blank" }, ApiJson.Options);
        var id = (await created.Content.ReadJsonAsync<View>())!.Target.Id;
        var content = new
        {
            overallGoal = "",
            annualGoal = "完成",
            indicators = new object[]
            {
                new { level1 = "产出指标", level2 = "数量指标", name = "培训人次", comparison = "GreaterOrEqual", targetValue = "XX", unit = "人次", basis = "Plan" },
                new { level1 = "产出指标", level2 = "成本指标", name = "人均培训成本", comparison = "GreaterOrEqual", targetValue = "≥300元", unit = "元", basis = "Plan" },
            },
        };
        var saved = await unit.PutAsJsonAsync($"/api/targets/{id}", content, ApiJson.Options);
        Assert.True(saved.IsSuccessStatusCode, "a draft with findings can be saved");
        var issues = (await saved.Content.ReadJsonAsync<SaveIssues>())!.Issues;
        Assert.Contains(issues, i => i.Blocking && i.Row == 1 && i.Message.Contains("占位符"));
        Assert.Contains(issues, i => !i.Blocking && i.Row == 2 && i.Message.Contains("成本指标"));

        var submit = await unit.PostAsJsonAsync($"/api/targets/{id}/submit", new { }, ApiJson.Options);
        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        var problem = await submit.Content.ReadAsStringAsync();
        Assert.Contains("第 1 行指标值", problem);
        Assert.Contains("缺少效益指标", problem);
        Assert.Equal(TargetState.Draft, (await unit.GetJsonAsync<View>($"/api/targets/{id}"))!.Target.State);

        var badLibrary = await unit.PutAsJsonAsync($"/api/targets/{id}", new
        {
            overallGoal = "", annualGoal = "完成",
            indicators = new object[] { new { level1 = "产出指标", level2 = "数量指标", name = "培训人次", comparison = "GreaterOrEqual", targetValue = "≥30人次", unit = "人次", basis = "Plan", libraryEntryId = 999999999 } },
        }, ApiJson.Options);
        Assert.Equal(HttpStatusCode.BadRequest, badLibrary.StatusCode);
        Assert.Equal("XX", (await unit.GetJsonAsync<View>($"/api/targets/{id}"))!.Target.Indicators[0].TargetValue);
    }

    internal sealed record SaveIssues(List<Issue> Issues);

    [Theory, MemberData(nameof(Providers))]
    public async Task Coverage_ListsBudgetedProjectsWithoutApprovedTargets_IncludingPoolAllocations(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var performance = await app.ClientForAsync("perf");
        var coverage = (await performance.GetJsonAsync<CoverageDto>($"/api/targets/coverage?year={Year}&pageSize=200"))!;
        var expected = await app.AsSystemAsync<SystemDbContext, int>(db => db.Projects.CountAsync(p =>
            p.RegionCode == DemoCounty.RegionCode && p.FiscalYear == Year && p.Status == LibraryStatus.Budgeted && !p.IsPool
            && !db.Targets.Any(t => t.ProjectId == p.Id && t.State == TargetState.Approved)));
        Assert.Equal(expected, coverage.WithoutApproved);
        Assert.Equal(coverage.WithoutApproved, coverage.Groups.Sum(g => g.Projects));
        var pooled = (await performance.GetJsonAsync<CoverageDto>($"/api/targets/coverage?year={Year}&source=PoolAllocation&pageSize=200"))!;
        var receivers = await app.AsSystemAsync<SystemDbContext, List<long>>(db => db.Projects
            .Where(p => p.RegionCode == DemoCounty.RegionCode && p.FiscalYear == Year && p.Status == LibraryStatus.Budgeted
                        && db.LedgerMovements.Any(m => m.ProjectId == p.Id && m.Kind == MovementKind.PoolAllocationIn)
                        && !db.LedgerMovements.Any(m => m.ProjectId == p.Id && m.Kind == MovementKind.InitialApproval)
                        && !db.Targets.Any(t => t.ProjectId == p.Id && t.State == TargetState.Approved))
            .Select(p => p.Id).ToListAsync());
        Assert.NotEmpty(receivers);
        Assert.Equal(receivers.Order(), pooled.Rows.Select(r => r.ProjectId).Order());
        Assert.All(pooled.Rows, r => Assert.Equal("PoolAllocation", r.Source));
        using var unit = await app.ClientForAsync("yizhong");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync($"/api/targets/coverage?year={Year}")).StatusCode);
    }

    internal sealed record CoverageGroupDto(string DepartmentName, int Projects, decimal Amount);
    internal sealed record CoverageRowDto(long ProjectId, string Source, decimal AdjustedBudget);
    internal sealed record CoverageDto(int ProjectsInBudget, int WithoutApproved, List<CoverageGroupDto> Groups, List<CoverageRowDto> Rows);

    [Theory, MemberData(nameof(Providers))]
    public async Task Frame_IsChosenPerRegionAndYear_ByThePerformanceDivision(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var performance = await app.ClientForAsync("perf");
        var year = Year + 1;
        Assert.Equal(IndicatorFrame.NationalCode, (await performance.GetJsonAsync<FrameDto>($"/api/targets/frame?year={year}"))!.Code);
        var bad = await performance.PutAsJsonAsync($"/api/targets/frame?year={year}", new { frameCode = "Custom", customText = "产出指标：数量指标\n效益指标" }, ApiJson.Options);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("第 2 行", await bad.Content.ReadAsStringAsync());
        var set = await performance.PutAsJsonAsync($"/api/targets/frame?year={year}", new { frameCode = "CostLevel1" }, ApiJson.Options);
        Assert.True(set.IsSuccessStatusCode);
        Assert.Equal("成本指标", (await performance.GetJsonAsync<FrameDto>($"/api/targets/frame?year={year}"))!.Levels[0].Level1);
        Assert.Equal(IndicatorFrame.NationalCode, (await performance.GetJsonAsync<FrameDto>($"/api/targets/frame?year={Year}"))!.Code);
        using var lc = await app.ClientForAsync("lc.perf");
        Assert.Equal(IndicatorFrame.NationalCode, (await lc.GetJsonAsync<FrameDto>($"/api/targets/frame?year={year}"))!.Code);
        using var unit = await app.ClientForAsync("yizhong");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PutAsJsonAsync($"/api/targets/frame?year={year}", new { frameCode = "National" }, ApiJson.Options)).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task DepartmentOverallTargets_AreFilledByTheDepartment_AndGoStraightToItsFundingDivision(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var department = await app.ClientForAsync("water");
        using var unit = await app.ClientForAsync("shuiziyuan");
        using var funder = await app.ClientForAsync("nongye");
        var water = await app.OrgIdAsync(DemoCounty.RegionCode, "115");
        // The unit does not see its department as its own data: not found, before any role rule.
        Assert.Equal(HttpStatusCode.NotFound, (await unit.PostAsync($"/api/targets/departments/{water}?year={Year}", null)).StatusCode);
        var created = await department.PostAsync($"/api/targets/departments/{water}?year={Year}", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadJsonAsync<View>())!.Target.Id;
        Assert.Equal(HttpStatusCode.Conflict, (await department.PostAsync($"/api/targets/departments/{water}?year={Year}", null)).StatusCode);
        var content = new
        {
            overallGoal = "保障全县水安全，推进水生态文明建设",
            annualGoal = "完成农村饮水安全巩固提升，河道治理 12 公里",
            indicators = new object[]
            {
                new { level1 = "产出指标", level2 = "数量指标", name = "河道综合治理长度", comparison = "GreaterOrEqual", targetValue = "≥12公里", unit = "公里", basis = "Plan" },
                new { level1 = "效益指标", level2 = "社会效益指标", name = "农村集中供水率", comparison = "GreaterOrEqual", targetValue = "≥95%", unit = "%", basis = "Industry" },
                new { level1 = "满意度指标", level2 = "服务对象满意度指标", name = "群众满意度", comparison = "GreaterOrEqual", targetValue = "≥90%", unit = "%", basis = "Plan" },
            },
        };
        Assert.True((await department.PutAsJsonAsync($"/api/targets/{id}", content, ApiJson.Options)).IsSuccessStatusCode);
        var submitted = await ActAsync(department, id, "submit", new { });
        Assert.Equal(TargetState.DepartmentApproved, submitted.Target.State);
        Assert.Contains("部门整体", submitted.SubjectName);
        Assert.Contains((await funder.GetJsonAsync<Inbox>($"/api/targets/inbox?year={Year}&box=Todo&pageSize=200"))!.Rows, r => r.TargetId == id);
        Assert.Equal(TargetState.DivisionApproved, (await ActAsync(funder, id, "approve", new { grade = "Excellent" })).Target.State);
        using var otherFunder = await app.ClientForAsync("jkw");
        Assert.Equal(HttpStatusCode.NotFound, (await otherFunder.GetAsync($"/api/targets/{id}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task GoodIndicator_ProposedFromApprovedTargets_EntersTheLibraryWhenThePerformanceDivisionAccepts(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var unit = await app.ClientForAsync("yizhong");
        using var performance = await app.ClientForAsync("perf");
        var unitId = await app.OrgIdAsync(DemoCounty.RegionCode, "10602");
        var approved = await app.AsSystemAsync<SystemDbContext, long>(db => db.Targets
            .Where(t => t.OrgUnitId == unitId && t.State == TargetState.Approved && t.Subject == TargetSubject.Project).Select(t => t.Id).FirstAsync());
        var view = (await unit.GetJsonAsync<View>($"/api/targets/{approved}"))!;
        var row = view.Target.Indicators.First(i => i.Level2 == "数量指标");

        var proposed = await unit.PostAsJsonAsync("/api/library/proposals", new { targetId = approved, row = row.Row, sector = "education" }, ApiJson.Options);
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var entryId = (await proposed.Content.ReadJsonAsync<Entry>())!.Id;
        Assert.Equal(HttpStatusCode.Conflict,
            (await unit.PostAsJsonAsync("/api/library/proposals", new { targetId = approved, row = row.Row, sector = "education" }, ApiJson.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/api/library/proposals")).StatusCode);
        Assert.DoesNotContain((await unit.GetJsonAsync<LibraryPage>($"/api/library?q={Uri.EscapeDataString(row.Name)}"))!.Rows, e => e.Id == entryId);

        Assert.Contains((await performance.GetJsonAsync<LibraryPage>("/api/library/proposals"))!.Rows, e => e.Id == entryId);
        var declineWithoutReason = await performance.PostAsJsonAsync($"/api/library/{entryId}/decision", new { accept = false }, ApiJson.Options);
        Assert.Equal(HttpStatusCode.BadRequest, declineWithoutReason.StatusCode);
        Assert.True((await performance.PostAsJsonAsync($"/api/library/{entryId}/decision", new { accept = true, note = "口径清晰" }, ApiJson.Options)).IsSuccessStatusCode);
        var found = (await unit.GetJsonAsync<LibraryPage>($"/api/library?q={Uri.EscapeDataString(row.Name)}&sector=education"))!;
        Assert.Contains(found.Rows, e => e.Id == entryId && e.Level2 == "数量指标");
        Assert.Equal(HttpStatusCode.Conflict, (await performance.PostAsJsonAsync($"/api/library/{entryId}/decision", new { accept = true }, ApiJson.Options)).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task RecurringProject_StartsFromLastYearsApprovedTargets_AndLoweringATargetIsFlagged(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var unit = await app.ClientForAsync("yizhong");
        var code = $"LY{Random.Shared.Next(100_000, 999_999)}";
        // Last year's project with approved targets, and this year's project of the same code (as 一体化 keeps it).
        var (projectId, oneOff) = await app.AsSystemAsync<SystemDbContext, (long, long)>(async db =>
        {
            var school = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10602");
            Project Make(int year) => Project.Create(DemoCounty.RegionCode, year, school, school.ParentId, new Project.Details(code, "学生资助补助", ProjectLevel.Level1,
                ProjectCategory.SpecificPurpose, Recurrence.Recurring, Year - 1, Year + 1, LibraryStatus.Budgeted, BudgetKind.General,
                TransferLevel.None, FundTags.None, new DateOnly(Year - 2, 10, 1)));
            var last = Make(Year - 1);
            var current = Make(Year);
            var once = Project.Create(DemoCounty.RegionCode, Year, school, school.ParentId, new Project.Details(code + "X", "一次性设备购置", ProjectLevel.Level1,
                ProjectCategory.SpecificPurpose, Recurrence.OneOff, Year, Year, LibraryStatus.Budgeted, BudgetKind.General,
                TransferLevel.None, FundTags.None, new DateOnly(Year - 1, 10, 1)));
            db.Projects.AddRange(last, current, once);
            await db.SaveChangesAsync();
            var old = PerformanceTarget.ForProject(last, DateTime.UtcNow);
            var context = new TargetCheckContext(IndicatorFrame.National, Year - 1, Year + 1);
            old.Edit(new ReviewActor(null, "t", Role.UnitFiller), "保障困难学生就学", "资助 800 人次", [
                new("产出指标", "数量指标", "受资助学生人次", Comparison.GreaterOrEqual, "≥800人次", "人次"),
                new("效益指标", "社会效益指标", "辍学情况", Comparison.Qualitative, "有效控制", ""),
                new("满意度指标", "服务对象满意度指标", "受助学生满意度", Comparison.GreaterOrEqual, "≥90%", "%"),
            ], context, DateTime.UtcNow);
            old.Submit(new ReviewActor(null, "t", Role.UnitFiller), context, DateTime.UtcNow);
            old.Approve(new ReviewActor(null, "t", Role.DepartmentReviewer), ReviewGrade.Excellent, null, DateTime.UtcNow);
            old.Approve(new ReviewActor(null, "t", Role.BusinessDivision), ReviewGrade.Excellent, null, DateTime.UtcNow);
            old.Approve(new ReviewActor(null, "t", Role.PerformanceDivision), ReviewGrade.Excellent, null, DateTime.UtcNow);
            db.Targets.Add(old);
            await db.SaveChangesAsync();
            return (current.Id, once.Id);
        });

        var created = await unit.PostAsJsonAsync($"/api/targets/projects/{projectId}", new { from = "LastYear" }, ApiJson.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = (await created.Content.ReadJsonAsync<View>())!;
        Assert.Equal(["受资助学生人次", "辍学情况", "受助学生满意度"], view.Target.Indicators.Select(i => i.Name));
        Assert.Equal("资助 800 人次", view.Target.AnnualGoal);
        Assert.DoesNotContain(view.Issues, i => i.Message.Contains("低于上年"));

        var lowered = new
        {
            overallGoal = "保障困难学生就学", annualGoal = "资助 700 人次",
            indicators = view.Target.Indicators.Select(i => new
            {
                level1 = i.Level1, level2 = i.Level2, name = i.Name, comparison = i.Comparison.ToString(),
                targetValue = i.Name == "受资助学生人次" ? "≥700人次" : i.TargetValue, unit = i.Unit, basis = "History",
            }).ToArray(),
        };
        var saved = (await (await unit.PutAsJsonAsync($"/api/targets/{view.Target.Id}", lowered, ApiJson.Options)).Content.ReadJsonAsync<SaveIssues>())!;
        var flag = Assert.Single(saved.Issues, i => i.Message.Contains("低于上年"));
        Assert.Equal((1, false), (flag.Row, flag.Blocking));

        var noHistory = await unit.PostAsJsonAsync($"/api/targets/projects/{oneOff}", new { from = "LastYear" }, ApiJson.Options);
        Assert.Equal(HttpStatusCode.BadRequest, noHistory.StatusCode);
        Assert.Contains("上年", await noHistory.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task TwoReviewersAtOnce_TheSecondSaveIsRefused(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var department = await app.ClientForAsync("edu");
        var education = await app.OrgIdAsync(DemoCounty.RegionCode, "106");
        var id = await app.AsSystemAsync<SystemDbContext, long>(db => db.Targets
            .Where(t => t.DepartmentId == education && t.State == TargetState.Submitted).OrderByDescending(t => t.Id).Select(t => t.Id).FirstAsync());
        await app.AsSystemAsync<SystemDbContext>(async db =>
        {
            // One reviewer has the version open…
            var stale = await db.Targets.Include(t => t.Steps).SingleAsync(t => t.Id == id);
            // …while another passes it.
            await ActAsync(department, id, "approve", new { grade = "Excellent" });
            stale.Return(new ReviewActor(null, "edu2", Role.DepartmentReviewer), "同一时间的退回", DateTime.UtcNow);
            // refused by the version's concurrency token, or first by the step number already taken (PostgreSQL orders the insert first)
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });
        Assert.Equal(TargetState.DepartmentApproved, (await department.GetJsonAsync<View>($"/api/targets/{id}"))!.Target.State);
    }

    internal sealed record FrameLevelDto(string Level1, List<string> Level2s);
    internal sealed record FrameDto(string Code, List<FrameLevelDto> Levels);
}
