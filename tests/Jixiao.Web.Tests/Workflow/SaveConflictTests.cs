using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Targets;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Evaluations;
using Jixiao.Web.Features.Organisation;
using Jixiao.Web.Features.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.Workflow;

/// <summary>
/// Two people acting on one record at once: both pass the checks, the database refuses the second save, and the second
/// person is told what happened (a 409 with the feature's message) — while a refusal nobody raced for stays a bug.
/// </summary>
public sealed class SaveConflictTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;
    private static readonly int Year = BusinessCalendar.YearOf(DateTimeOffset.UtcNow);
    private static readonly DateTime Now = DateTime.UtcNow;

    [Theory, MemberData(nameof(Providers))]
    public async Task TargetStartedTwiceAtOnce_TheSecondVersion1IsRefusedAsCreatedByAnother(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var project = await NewProjectAsync(app, Year);
        // Both found no targets for the project, so both write version 1.
        await using var first = SystemScope(app);
        await using var second = SystemScope(app);
        Db(first).Targets.Add(PerformanceTarget.ForProject(project, Now));
        Db(second).Targets.Add(PerformanceTarget.ForProject(project, Now));
        await TargetWork.CommitAsync(Db(first), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => TargetWork.CommitAsync(Db(second), CancellationToken.None));
        Assert.Equal("同一目标的同一版本已被他人创建，请刷新后再操作。", refused.Message);
        Assert.Equal(1, await app.AsSystemAsync<SystemDbContext, int>(db => db.Targets.CountAsync(t => t.ProjectId == project.Id)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task TargetReviewedInTwoTabsAtOnce_TheSecondActionIsToldItChanged(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var project = await NewProjectAsync(app, Year);
        var id = await app.AsSystemAsync<SystemDbContext, long>(async db =>
        {
            var target = TestProjects.SubmittedDeskTargets(project, Now);
            db.Targets.Add(target);
            await db.SaveChangesAsync();
            return target.Id;
        });
        // The department reviewer has the submitted version open in one tab…
        await using var stale = await UserScopeAsync(app, "edu");
        await TargetWork.FindAsync(Db(stale), id, CancellationToken.None);
        // …passes it in another…
        using var edu = await app.ClientForAsync("edu");
        Assert.Equal(HttpStatusCode.OK, (await edu.PostAsJsonAsync($"/api/targets/{id}/approve", new { grade = "Excellent" }, ApiJson.Options)).StatusCode);

        // …and returns it from the first: the step number or the version it read is taken.
        var refused = await Assert.ThrowsAsync<ConflictException>(() => TargetWork.ActAsync(Db(stale), User(stale), id, ReviewAction.Return, null,
            "同一时间的退回", Now, CancellationToken.None));
        Assert.Equal("该目标刚被他人修改或审核，请刷新后再操作。", refused.Message);
        Assert.Equal(TargetState.DepartmentApproved, await app.AsSystemAsync<SystemDbContext, TargetState>(db =>
            db.Targets.Where(t => t.Id == id).Select(t => t.State).SingleAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task SelfEvaluationIssuedTwiceAtOnce_TheSecondFormIsRefusedAsIssuedByAnother(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var project = await NewProjectAsync(app, Year - 1);
        var target = await app.AsSystemAsync<SystemDbContext, PerformanceTarget>(async db =>
        {
            var approved = TestProjects.DeskTargets(project, Now);
            db.Targets.Add(approved);
            await db.SaveChangesAsync();
            return approved;
        });
        var funds = new EvaluationFunds(100_000m, 100_000m, 90_000m);
        await using var first = SystemScope(app);
        await using var second = SystemScope(app);
        Db(first).SelfEvaluations.Add(SelfEvaluation.ForProject(project, target, funds, EvaluationWeights.Defaults, Now));
        Db(second).SelfEvaluations.Add(SelfEvaluation.ForProject(project, target, funds, EvaluationWeights.Defaults, Now));
        await EvaluationWork.Conflicts.SaveAsync(Db(first), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => EvaluationWork.Conflicts.SaveAsync(Db(second), CancellationToken.None));
        Assert.Equal("自评任务刚被他人下达，请刷新后再操作。", refused.Message);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task DepartmentAssignedTwiceAtOnce_TheSecondAssignmentIsRefusedAsMadeByAnother(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        // A year no one has assigned yet: both admins find 教育局 free and assign it, one to 教科文股, one to 社会保障股.
        var year = FiscalYears.Latest - Random.Shared.Next(0, 50);
        await using var first = SystemScope(app);
        await using var second = SystemScope(app);
        async Task<DivisionAssignment> Assignment(AsyncServiceScope scope, string division)
        {
            var org = await Db(scope).OrgUnits.Where(o => o.RegionCode == DemoCounty.RegionCode).ToDictionaryAsync(o => o.Code);
            return DivisionAssignment.Create(year, org[division], org["106"]);
        }
        Db(first).DivisionAssignments.Add(await Assignment(first, "FIN04"));
        Db(second).DivisionAssignments.Add(await Assignment(second, "FIN05"));
        await AssignDivision.Conflicts.SaveAsync(Db(first), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => AssignDivision.Conflicts.SaveAsync(Db(second), CancellationToken.None));
        Assert.Equal("该部门本年度刚被他人归口到业务股室，请刷新后查看，如需改归口请先在原股室移除。", refused.Message);

        // Asked again once the first is saved, the assignment is refused before the save, naming the department.
        await using var again = SystemScope(app);
        var (division, department) = await app.AsSystemAsync<SystemDbContext, (long, long)>(async db =>
            (await db.OrgUnits.Where(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "FIN05").Select(o => o.Id).SingleAsync(),
             await db.OrgUnits.Where(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "106").Select(o => o.Id).SingleAsync()));
        var duplicate = await Assert.ThrowsAsync<DomainException>(() => AssignDivision.AssignAsync(Db(again), year, division, department, CancellationToken.None));
        Assert.Contains($"{year} 年度", duplicate.Message);
        Assert.Contains("已归口其他业务股室", duplicate.Message);
        Assert.Equal(1, await app.AsSystemAsync<SystemDbContext, int>(db => db.DivisionAssignments.CountAsync(d => d.FiscalYear == year && d.DepartmentId == department)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task RefusalNobodyRacedFor_StaysAnError_NotTheMessageThatSomeoneElseChangedIt(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        await using var scope = SystemScope(app);
        var db = Db(scope);
        // A bug that writes nothing into a required column of a self-evaluation (once reported as 自评表刚被他人修改或下达).
        var form = await db.SelfEvaluations.OrderBy(e => e.Id).FirstAsync();
        db.Entry(form).Property(e => e.RegionCode).CurrentValue = null!;

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => EvaluationWork.Conflicts.SaveAsync(db, CancellationToken.None));
        Assert.Null(SaveConflicts.UniqueKey(db.Model, error));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task UniqueKey_NamesTheKeyOrIndexThatRefused_OnEitherDatabase(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        await using var scope = SystemScope(app);
        var db = Db(scope);
        db.FiscalYears.Add(FiscalYear.Open(DemoCounty.RegionCode, Year, FiscalYearStatus.Executing));
        var primaryKey = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Equal("PK_FiscalYears", SaveConflicts.UniqueKey(db.Model, primaryKey));

        db.ChangeTracker.Clear();
        var taken = await NewProjectAsync(app, Year);
        var unit = await db.OrgUnits.SingleAsync(o => o.Id == taken.OrgUnitId);
        db.Projects.Add(TestProjects.Budgeted(unit, Year, taken.Code, "同一项目代码"));
        var index = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Equal("IX_Projects_RegionCode_FiscalYear_Code", SaveConflicts.UniqueKey(db.Model, index));
    }

    /// <summary>A feature's table of keys names keys the schema has: a renamed index would otherwise silently become a 500.</summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task EveryFeaturesConflictKeys_AreUniqueKeysOfTheSchema(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        await using var scope = SystemScope(app);
        var tables = Db(scope).Model.GetRelationalModel().Tables.ToList();
        var unique = tables.SelectMany(t => t.UniqueConstraints.Select(k => k.Name).Concat(t.Indexes.Where(i => i.IsUnique).Select(i => i.Name))).ToHashSet();
        var declared = typeof(SaveConflicts).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => f.FieldType == typeof(SaveConflicts))
            .SelectMany(f => ((SaveConflicts)f.GetValue(null)!).Keys.Select(k => $"{f.DeclaringType!.Name}: {k}"))
            .ToList();
        Assert.True(declared.Count >= 8, string.Join("; ", declared));
        Assert.Contains("AssignDivision: IX_DivisionAssignments_RegionCode_FiscalYear_DepartmentId", declared);
        Assert.All(declared, key => Assert.Contains(key[(key.IndexOf(": ", StringComparison.Ordinal) + 2)..], unique));
    }

    private static AsyncServiceScope SystemScope(JixiaoApp app)
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem("test");
        return scope;
    }

    /// <summary>A request scope of a demo account: its context sees what the account may see.</summary>
    private static async Task<AsyncServiceScope> UserScopeAsync(JixiaoApp app, string userName)
    {
        var scope = app.Services.CreateAsyncScope();
        var system = scope.ServiceProvider.GetRequiredService<SystemDbContext>();
        var userId = await system.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        var (access, user) = (await ScopeLoader.LoadAsync(system, userId, CancellationToken.None))!.Value;
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(access, user.Id, user.UserName!, user.RegionCode);
        return scope;
    }

    private static JixiaoDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<JixiaoDbContext>();

    private static CurrentUser User(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<CurrentUser>();

    /// <summary>A budgeted project of 襄垣县第一中学 (under the education bureau), new to this test.</summary>
    private static Task<Project> NewProjectAsync(JixiaoApp app, int year) => app.AsSystemAsync<SystemDbContext, Project>(async db =>
    {
        var unit = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10602");
        var project = TestProjects.Budgeted(unit, year, $"{DemoCounty.RegionCode}{year}{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}",
            $"并发测试{Random.Shared.Next(10_000, 99_999)}");
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project;
    });
}
