using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Evaluations;
using Jixiao.Web.Features.Monitoring;
using Jixiao.Web.Features.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Workflow;

/// <summary>The demo county in September 2026: targets in every state, the open 1–8 月 round, last year's self-evaluations.</summary>
public sealed class WorkingCounty() : ClockedApps(new DateTimeOffset(2026, 9, 10, 2, 0, 0, TimeSpan.Zero), 300);

/// <summary>
/// How a bureau gets through its day: inboxes with search, filters, sort and paging, batch review with one opinion,
/// the funding division's step on returns and self-evaluations (谁分配资金，谁审核), and corrective actions confirmed
/// before they write the ledger, numbered 襄财绩〔2026〕N号.
/// </summary>
public sealed class WorkflowTests(WorkingCounty county) : IClassFixture<WorkingCounty>
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    private const int Year = 2026;

    internal sealed record Step(string UserName, Jixiao.Domain.Access.Role Role);
    internal sealed record Correction(string DocumentNo);
    internal sealed record TaskView(long Id, FormState State, List<Step> Steps, List<FormAction> AllowedActions, List<Correction> Corrections);
    internal sealed record InboxRow(long? TargetId, string Code, string Name, string OrgName, TargetState? State);
    internal sealed record Inbox(List<InboxRow> Rows, int Total, int Page);

    private static async Task<Inbox> InboxAsync(HttpClient client, string query) =>
        (await client.GetJsonAsync<Inbox>($"/api/targets/inbox?year={Year}&box=Todo&{query}"))!;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body, ApiJson.Options);

    private static async Task<long> OrgAsync(JixiaoApp app, string codeOrName) =>
        await app.AsSystemAsync<SystemDbContext, long>(db =>
            db.OrgUnits.Where(o => o.RegionCode == "140423" && (o.Name == codeOrName || o.Code == codeOrName)).Select(o => o.Id).SingleAsync());

    private static Task<long> OpenRoundAsync(JixiaoApp app) =>
        app.AsSystemAsync<SystemDbContext, long>(db => db.MonitoringRounds.Where(r => r.RegionCode == "140423" && r.State == RoundState.Open)
            .Select(r => r.Id).SingleAsync());

    [Theory, MemberData(nameof(Providers))]
    public async Task TargetInbox_SearchFiltersSortAndPaging_ReturnTheRightForms(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        // perf's 待办: every version at its final step; the database says which belong to which department and division.
        var waiting = await app.AsSystemAsync<SystemDbContext, List<(long Id, long? Department, string Code, string Unit)>>(async db =>
            (await (from t in db.Targets.Where(t => t.RegionCode == "140423" && t.FiscalYear == Year && t.State == TargetState.DivisionApproved)
                    join p in db.Projects on t.ProjectId equals p.Id into ps
                    from p in ps.DefaultIfEmpty()
                    join o in db.OrgUnits on t.OrgUnitId equals o.Id
                    select new { t.Id, t.DepartmentId, Code = p != null ? p.Code : "", Unit = o.Name }).ToListAsync())
            .Select(x => (x.Id, x.DepartmentId, x.Code, x.Unit)).ToList());
        Assert.True(waiting.Count > 10, $"{waiting.Count} targets wait for perf");
        // The department with the most of them, and the division that funds it.
        var education = waiting.Where(w => w.Department is not null).GroupBy(w => w.Department!.Value).MaxBy(g => g.Count())!.Key;
        var (jkw, funded) = await app.AsSystemAsync<SystemDbContext, (long, List<long>)>(async db =>
        {
            var division = await db.DivisionAssignments.Where(a => a.DepartmentId == education && a.FiscalYear == Year).Select(a => a.DivisionId).FirstAsync();
            return (division, await db.DivisionAssignments.Where(a => a.DivisionId == division && a.FiscalYear == Year).Select(a => a.DepartmentId).ToListAsync());
        });

        var all = await InboxAsync(perf, "pageSize=500");
        Assert.Equal(waiting.Select(w => w.Id).Order(), all.Rows.Select(r => r.TargetId!.Value).Order());

        var ofEducation = await InboxAsync(perf, $"department={education}&pageSize=500");
        Assert.NotEmpty(ofEducation.Rows);
        Assert.Equal(waiting.Where(w => w.Department == education).Select(w => w.Id).Order(), ofEducation.Rows.Select(r => r.TargetId!.Value).Order());

        var ofDivision = await InboxAsync(perf, $"division={jkw}&pageSize=500");
        Assert.Equal(waiting.Where(w => w.Department is { } d && funded.Contains(d)).Select(w => w.Id).Order(), ofDivision.Rows.Select(r => r.TargetId!.Value).Order());

        var school = await InboxAsync(perf, $"q={Uri.EscapeDataString("第一中学")}&pageSize=500");
        Assert.Equal(waiting.Where(w => w.Unit.Contains("第一中学")).Select(w => w.Id).Order(), school.Rows.Select(r => r.TargetId!.Value).Order());
        var byCode = waiting.First(w => w.Code.Length > 0).Code;
        Assert.Contains((await InboxAsync(perf, $"q={byCode}")).Rows, r => r.Code == byCode);

        var sorted = (await InboxAsync(perf, "sort=Code&pageSize=500")).Rows.Select(r => r.Code).ToList();
        Assert.Equal(sorted.Order(StringComparer.Ordinal), sorted);
        var descending = (await InboxAsync(perf, "sort=Code&desc=true&pageSize=500")).Rows.Select(r => r.Code).ToList();
        Assert.Equal(sorted.AsEnumerable().Reverse(), descending);
        var second = await InboxAsync(perf, "sort=Code&pageSize=10&page=2");
        Assert.Equal((all.Total, 2), (second.Total, second.Page));
        Assert.Equal(sorted.Skip(10).Take(10), second.Rows.Select(r => r.Code));
        // A page is the slice of the whole list in the same order, for the default order and a sort on the joined totals too
        // (the page's ids are chosen first, then read with their names).
        var secondByDefault = await InboxAsync(perf, "pageSize=10&page=2");
        Assert.Equal(all.Rows.Skip(10).Take(10), secondByDefault.Rows);
        var byBudget = (await InboxAsync(perf, "sort=Budget&desc=true&pageSize=500")).Rows;
        Assert.Equal(byBudget.Skip(10).Take(10), (await InboxAsync(perf, "sort=Budget&desc=true&pageSize=10&page=2")).Rows);

        var wrongState = await perf.GetAsync($"/api/targets/inbox?year={Year}&state=Finished");
        Assert.Equal(HttpStatusCode.BadRequest, wrongState.StatusCode);
        Assert.Contains("状态“Finished”不存在，可选：", await wrongState.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ReturnAndEvaluationLists_LightGradeAndDepartment_ReturnTheRightForms(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        var education = await OrgAsync(app, "襄垣县教育科技局");
        var round = await OpenRoundAsync(app);

        var red = (await perf.GetJsonAsync<FormPage<TaskRow>>($"/api/monitoring/rounds/{round}/tasks?light=Red&department={education}&pageSize=500"))!;
        var expected = await app.AsSystemAsync<SystemDbContext, int>(db =>
            db.MonitoringTasks.CountAsync(t => t.RoundId == round && t.Light == Light.Red && t.DepartmentId == education));
        Assert.Equal(expected, red.Total);
        Assert.All(red.Rows, r => Assert.Equal((Light.Red, "襄垣县教育科技局"), (r.Light, r.Department)));
        var byBudget = (await perf.GetJsonAsync<FormPage<TaskRow>>($"/api/monitoring/rounds/{round}/tasks?sort=Budget&desc=true&pageSize=100"))!.Rows;
        Assert.Equal(byBudget.Select(r => r.Budget).OrderDescending(), byBudget.Select(r => r.Budget));

        var excellent = (await perf.GetJsonAsync<FormPage<EvaluationRow>>($"/api/evaluations?year={Year - 1}&grade=Excellent&state=Approved&pageSize=500"))!;
        var approvedExcellent = await app.AsSystemAsync<SystemDbContext, int>(db =>
            db.SelfEvaluations.CountAsync(e => e.FiscalYear == Year - 1 && e.ReferenceGrade == Grade.Excellent && e.State == FormState.Approved));
        Assert.Equal(approvedExcellent, excellent.Total);
        Assert.All(excellent.Rows, r => Assert.Equal((Grade.Excellent, FormState.Approved), (r.ReferenceGrade, r.State)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task BatchApprove_OneFormAtAnotherStep_TheOthersAreApprovedAndItIsNamedWithItsReason(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        var (mine, notMine) = await app.AsSystemAsync<SystemDbContext, (List<long>, (long Id, string Code))>(async db =>
        {
            var ready = await db.Targets.Where(t => t.RegionCode == "140423" && t.FiscalYear == Year && t.State == TargetState.DivisionApproved
                                                    && t.Subject == TargetSubject.Project)
                .OrderByDescending(t => t.Id).Select(t => t.Id).Take(3).ToListAsync();
            var early = await (from t in db.Targets.Where(t => t.RegionCode == "140423" && t.FiscalYear == Year && t.State == TargetState.DepartmentApproved
                                                              && t.Subject == TargetSubject.Project)
                               join p in db.Projects on t.ProjectId equals p.Id
                               orderby t.Id
                               select new { t.Id, p.Code }).FirstAsync();
            return (ready, (early.Id, early.Code));
        });

        var response = await PostAsync(perf, "/api/targets/batch/approve", new { ids = mine.Append(notMine.Id).ToList(), grade = "Excellent", opinion = "目标明确，同意批复" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var result = (await response.Content.ReadJsonAsync<BatchResult>())!;

        Assert.Equal(3, result.Succeeded);
        var failed = Assert.Single(result.Failed);
        Assert.Equal(notMine.Id, failed.Id);
        Assert.StartsWith(notMine.Code, failed.Form);
        Assert.Contains("应由财政业务股室审核", failed.Reason);
        Assert.StartsWith($"3 份已通过，1 份未通过：{notMine.Code}", result.Summary);
        var states = await app.AsSystemAsync<SystemDbContext, Dictionary<long, TargetState>>(db =>
            db.Targets.Where(t => mine.Contains(t.Id) || t.Id == notMine.Id).ToDictionaryAsync(t => t.Id, t => t.State));
        Assert.All(mine, id => Assert.Equal(TargetState.Approved, states[id]));
        Assert.Equal(TargetState.DepartmentApproved, states[notMine.Id]);
        var stamped = await app.AsSystemAsync<SystemDbContext, List<string>>(db =>
            db.Targets.Where(t => mine.Contains(t.Id)).Select(t => t.Steps.OrderByDescending(s => s.Seq).First().Opinion).ToListAsync());
        Assert.All(stamped, o => Assert.Equal("目标明确，同意批复", o));

        var nothing = await PostAsync(perf, "/api/monitoring/tasks/batch/approve", new { ids = Array.Empty<long>() });
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Contains("请先勾选要办理的表", await nothing.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task FundingDivision_ReviewsItsDepartmentsReturns_ThenPerf_AndCannotReachOthers(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        using var jkw = await app.ClientForAsync("jkw");
        using var edu = await app.ClientForAsync("edu");
        var education = await OrgAsync(app, "襄垣县教育科技局");
        var water = await OrgAsync(app, "115");
        var round = await OpenRoundAsync(app);
        // A return of 教育科技局 the department passes now: with the default setting it goes to its funding division, 教科文股.
        var (ours, theirs) = await app.AsSystemAsync<SystemDbContext, (long, long)>(async db => (
            await db.MonitoringTasks.Where(t => t.RoundId == round && t.State == FormState.Submitted && t.DepartmentId == education)
                .OrderByDescending(t => t.Id).Select(t => t.Id).FirstAsync(),
            await db.MonitoringTasks.Where(t => t.RoundId == round && t.DepartmentId == water).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync()));

        Assert.Equal(FormState.DepartmentApproved, (await (await PostAsync(edu, $"/api/monitoring/tasks/{ours}/approve", new { })).Content.ReadJsonAsync<TaskView>())!.State);
        var todo = (await jkw.GetJsonAsync<FormPage<TaskRow>>($"/api/monitoring/rounds/{round}/tasks?mine=true&pageSize=500"))!;
        Assert.Contains(todo.Rows, r => r.Id == ours);
        Assert.All(todo.Rows, r => Assert.Equal(FormState.DepartmentApproved, r.State));
        Assert.DoesNotContain(todo.Rows, r => r.Id == theirs);
        var view = (await jkw.GetJsonAsync<TaskView>($"/api/monitoring/tasks/{ours}"))!;
        Assert.Equal([FormAction.Approve, FormAction.Return], view.AllowedActions);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(perf, $"/api/monitoring/tasks/{ours}/approve", new { })).StatusCode);

        var passed = await PostAsync(jkw, $"/api/monitoring/tasks/{ours}/approve", new { opinion = "资金使用合规，同意" });
        Assert.True(passed.IsSuccessStatusCode, await passed.Content.ReadAsStringAsync());
        var moved = (await passed.Content.ReadJsonAsync<TaskView>())!;
        Assert.Equal(FormState.DivisionApproved, moved.State);
        Assert.Equal(("jkw", Jixiao.Domain.Access.Role.BusinessDivision), (moved.Steps[^1].UserName, moved.Steps[^1].Role));
        Assert.Contains((await perf.GetJsonAsync<FormPage<TaskRow>>($"/api/monitoring/rounds/{round}/tasks?mine=true&pageSize=500"))!.Rows, r => r.Id == ours);
        var final = await PostAsync(perf, $"/api/monitoring/tasks/{ours}/approve", new { });
        Assert.Equal(FormState.Approved, (await final.Content.ReadJsonAsync<TaskView>())!.State);

        // 水利局 is funded by 农业农村股: jkw does not see its returns at all.
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(jkw, $"/api/monitoring/tasks/{theirs}/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await jkw.GetAsync($"/api/monitoring/tasks/{theirs}")).StatusCode);

        // Self-evaluations follow the same chain.
        var (form, at) = await app.AsSystemAsync<SystemDbContext, (long, FormState)>(async db =>
        {
            var found = await db.SelfEvaluations.Where(e => e.FiscalYear == Year - 1 && e.DepartmentId == education
                                                            && (e.State == FormState.DepartmentApproved || e.State == FormState.Submitted))
                .OrderByDescending(e => e.State == FormState.DepartmentApproved).ThenBy(e => e.Id).Select(e => new { e.Id, e.State }).FirstAsync();
            return (found.Id, found.State);
        });
        if (at == FormState.Submitted) Assert.True((await PostAsync(edu, $"/api/evaluations/{form}/approve", new { })).IsSuccessStatusCode);
        Assert.Contains((await jkw.GetJsonAsync<FormPage<EvaluationRow>>($"/api/evaluations?year={Year - 1}&mine=true&pageSize=500"))!.Rows, r => r.Id == form);
        var evaluated = await PostAsync(jkw, $"/api/evaluations/{form}/approve", new { opinion = "同意" });
        Assert.True(evaluated.IsSuccessStatusCode, await evaluated.Content.ReadAsStringAsync());
        Assert.Equal(FormState.DivisionApproved,
            await app.AsSystemAsync<SystemDbContext, FormState>(db => db.SelfEvaluations.Where(e => e.Id == form).Select(e => e.State).SingleAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task DivisionStepOff_TheDepartmentsPassGoesStraightToPerf(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        using var jkw = await app.ClientForAsync("jkw");
        using var edu = await app.ClientForAsync("edu");
        var education = await OrgAsync(app, "襄垣县教育科技局");
        var round = await OpenRoundAsync(app);
        var submitted = await app.AsSystemAsync<SystemDbContext, List<long>>(db =>
            db.MonitoringTasks.Where(t => t.RoundId == round && t.State == FormState.Submitted && t.DepartmentId == education)
                .OrderBy(t => t.Id).Select(t => t.Id).Take(2).ToListAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await jkw.PutAsJsonAsync($"/api/workflow/settings?year={Year}", new { formDivisionStep = false, documentPrefix = "襄财绩" })).StatusCode);
        var first = await PostAsync(edu, $"/api/monitoring/tasks/{submitted[0]}/approve", new { });
        Assert.Equal(FormState.DepartmentApproved, (await first.Content.ReadJsonAsync<TaskView>())!.State);

        var off = await perf.PutAsJsonAsync($"/api/workflow/settings?year={Year}", new { formDivisionStep = false, documentPrefix = "襄财绩" });
        Assert.True(off.IsSuccessStatusCode, await off.Content.ReadAsStringAsync());
        try
        {
            Assert.False((await perf.GetJsonAsync<WorkflowView>($"/api/workflow/settings?year={Year}"))!.FormDivisionStep);
            var second = await PostAsync(edu, $"/api/monitoring/tasks/{submitted[1]}/approve", new { });
            Assert.Equal(FormState.DivisionApproved, (await second.Content.ReadJsonAsync<TaskView>())!.State);
            Assert.Contains((await perf.GetJsonAsync<FormPage<TaskRow>>($"/api/monitoring/rounds/{round}/tasks?mine=true&pageSize=500"))!.Rows,
                r => r.Id == submitted[1]);
            // A return already at the division's step stays with the division.
            Assert.Equal(FormState.DivisionApproved,
                (await (await PostAsync(jkw, $"/api/monitoring/tasks/{submitted[0]}/approve", new { })).Content.ReadJsonAsync<TaskView>())!.State);
        }
        finally
        {
            await perf.PutAsJsonAsync($"/api/workflow/settings?year={Year}", new { formDivisionStep = true, documentPrefix = "襄财绩" });
        }
        var badPrefix = await perf.PutAsJsonAsync($"/api/workflow/settings?year={Year}", new { formDivisionStep = true, documentPrefix = "襄财绩〔2026〕" });
        Assert.Equal(HttpStatusCode.BadRequest, badPrefix.StatusCode);
        Assert.Contains("文号前缀", await badPrefix.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task CorrectiveAction_WithoutConfirmation_WritesNothing_ConfirmedOnesAreNumberedInOrder(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        var round = await OpenRoundAsync(app);
        var (taskId, projectId, code) = await app.AsSystemAsync<SystemDbContext, (long, long, string)>(async db =>
        {
            var task = await (from t in db.MonitoringTasks.Where(t => t.RoundId == round && t.ProjectId != null)
                              join p in db.Projects on t.ProjectId equals p.Id
                              join x in db.ProjectTotals on p.Id equals x.ProjectId
                              where x.Adjusted - x.Executed > 100_000m && !db.CorrectiveActions.Any(c => c.ProjectId == p.Id)
                              orderby t.Id
                              select new { t.Id, ProjectId = p.Id, p.Code }).FirstAsync();
            return (task.Id, task.ProjectId, task.Code);
        });
        Task<int> MovementsAsync() => app.AsSystemAsync<SystemDbContext, int>(db =>
            db.LedgerMovements.CountAsync(m => m.ProjectId == projectId && (m.Kind == MovementKind.Reduction || m.Kind == MovementKind.Recovery)));

        var unconfirmed = await PostAsync(perf, $"/api/monitoring/tasks/{taskId}/corrections", new { kind = "Reduction", amount = 20_000, reason = "执行缓慢，调减预算" });
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        var asked = await unconfirmed.Content.ReadAsStringAsync();
        Assert.Contains("请确认：将对项目“" + code, asked);
        Assert.Contains("调减 2.00 万元（20,000.00 元）", asked);
        Assert.Equal(0, await MovementsAsync());

        var next = (await perf.GetJsonAsync<WorkflowView>($"/api/workflow/settings?year={Year}"))!.NextDocumentNo;
        var number = int.Parse(Regex.Match(next, @"〔2026〕(\d+)号").Groups[1].Value);
        var numbers = new List<string>();
        foreach (var kind in new[] { "Reduction", "Recovery" })
        {
            var done = await PostAsync(perf, $"/api/monitoring/tasks/{taskId}/corrections", new { kind, amount = 10_000, reason = "执行缓慢，收回资金", confirmed = true });
            Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());
            numbers.Add((await done.Content.ReadJsonAsync<TaskView>())!.Corrections[^1].DocumentNo);
        }
        Assert.Equal([$"襄财绩〔2026〕{number}号", $"襄财绩〔2026〕{number + 1}号"], numbers);
        Assert.Equal(2, await MovementsAsync());
        Assert.Equal(numbers, await app.AsSystemAsync<SystemDbContext, List<string>>(db =>
            db.LedgerMovements.Where(m => m.ProjectId == projectId && (m.Kind == MovementKind.Reduction || m.Kind == MovementKind.Recovery))
                .OrderBy(m => m.Id).Select(m => m.DocumentNo).ToListAsync()));

        // The page: the first post shows the amount and the project to confirm and writes nothing; the confirmation writes.
        var page = await perf.GetStringAsync($"/Monitoring/Task/{taskId}");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Dictionary<string, string> Form(bool confirmed) => new()
        {
            ["__RequestVerificationToken"] = token, ["kind"] = "Recovery", ["amountWan"] = "0.5", ["reason"] = "执行缓慢，收回资金",
            ["confirmed"] = confirmed ? "true" : "false",
        };
        var shown = await perf.PostAsync($"/Monitoring/Task/{taskId}?handler=Correct", new FormUrlEncodedContent(Form(false)));
        var html = await shown.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("data-testid=\"confirm\"", html);
        Assert.Contains(code, html);
        Assert.Contains("5,000.00", html);
        Assert.Equal(2, await MovementsAsync());
        var confirmedPost = await perf.PostAsync($"/Monitoring/Task/{taskId}?handler=Correct", new FormUrlEncodedContent(Form(true)));
        Assert.Equal(HttpStatusCode.Redirect, confirmedPost.StatusCode);
        Assert.Equal(3, await MovementsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task DocumentNumbers_TakenTogether_AreUniqueAndSequential(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        var numbers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.AsSystemAsync<SystemDbContext, string>(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var number = await WorkflowWork.NextDocumentNoAsync(db, "140426", Year, default);
            await transaction.CommitAsync();
            return number;
        })));
        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"黎财绩〔2026〕{n}号"), numbers.OrderBy(n => int.Parse(Regex.Match(n, @"〕(\d+)号").Groups[1].Value)));
    }
}
