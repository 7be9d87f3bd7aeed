using System.Net;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Workflow;

/// <summary>The review records of targets, monitoring returns and self-evaluations name who acted by display name, not login.</summary>
public sealed class ReviewerNameTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    private sealed record Acted(long Form, long UserId, string Login);

    [Theory, MemberData(nameof(Providers))]
    public async Task FormPages_Steps_ShowTheReviewersDisplayName(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var pages = await app.AsSystemAsync<SystemDbContext, List<(string Page, Acted Step)>>(async db =>
        [
            ("/Monitoring/Task/", await db.MonitoringTasks.SelectMany(t => t.Steps).Where(s => s.UserId != null)
                .Select(s => new Acted(EF.Property<long>(s, "TaskId"), s.UserId!.Value, s.UserName)).FirstAsync()),
            ("/Evaluations/Form/", await db.SelfEvaluations.SelectMany(e => e.Steps).Where(s => s.UserId != null)
                .Select(s => new Acted(EF.Property<long>(s, "EvaluationId"), s.UserId!.Value, s.UserName)).FirstAsync()),
            ("/Targets/Details/", await db.Targets.SelectMany(t => t.Steps).Where(s => s.UserId != null)
                .Select(s => new Acted(EF.Property<long>(s, "TargetId"), s.UserId!.Value, s.UserName)).FirstAsync()),
        ]);
        using var client = await app.ClientForAsync("perf");
        foreach (var (page, step) in pages)
        {
            var name = await app.AsSystemAsync<SystemDbContext, string>(db => db.Users.Where(u => u.Id == step.UserId).Select(u => u.DisplayName).SingleAsync());
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(page + step.Form));
            var steps = html[html.IndexOf("data-testid=\"steps\"", StringComparison.Ordinal)..];
            steps = steps[..new[] { "</ul>", "</ol>" }.Select(end => steps.IndexOf(end, StringComparison.Ordinal)).Where(i => i > 0).Min()];
            Assert.Contains(name, steps);
            Assert.DoesNotMatch($"· {step.Login}[（ ]", steps);
        }
    }
}
