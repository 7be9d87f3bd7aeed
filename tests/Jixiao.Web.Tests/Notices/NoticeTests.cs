using System.Net;
using System.Net.Http.Json;
using Jixiao.Domain.Notices;
using Jixiao.Domain.Rectifications;
using Jixiao.Tests.Shared;
using Jixiao.Web.Tests.Access;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Jixiao.Tests.Shared.ApiAnswers;

namespace Jixiao.Web.Tests.Notices;

/// <summary>
/// 消息提醒 on both databases: a rectification item tells the school when finance raises it, the department when the school submits, finance
/// when the department passes it and the school when finance returns it (with the reason), never the one who acted and never another
/// county; a reader opens and reads only their own notices; the deadline sweep writes 即将到期 once inside the lead and 已逾期 once after
/// the deadline however often it runs; two nodes on one PostgreSQL sweep at once and the local SMTP receiver gets each mail once.
/// </summary>
public sealed class NoticeTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    internal sealed record Row(long Id, NoticeKind Kind, NoticeTopic Topic, string Title, string Body, string Link, int Count, bool Read, MailState Mail);
    internal sealed record Page(List<Row> Rows, int Total, int Unread);
    internal sealed record Opened(string Link);
    internal sealed record Unread(int Count);
    internal sealed record Item(long Id, RectificationState State);

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body, ApiJson.Options);

    private static async Task<List<Row>> AboutAsync(HttpClient reader, long itemId) =>
        (await OkAsync<Page>(await reader.GetAsync("/api/notices?all=true"))).Rows.Where(r => r.Link == $"/Rectifications/Details/{itemId}").ToList();

    private static async Task<long> ProjectAsync(JixiaoApp app, string code, int year) => await app.AsSystemAsync<SystemDbContext, long>(async db =>
    {
        var school = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10602");
        var project = TestProjects.Budgeted(school, year, code, $"{code} 校舍维修");
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    });

    private static async Task<long> RaiseAsync(HttpClient perf, string code, int year, DateOnly deadline) =>
        (await OkAsync<Item>(await Post(perf, "/api/rectifications", new
        {
            problem = "维修工程未按合同约定验收即支付尾款", requirement = "补办竣工验收，完善合同管理制度", basis = "县审计局审计报告", year, projectCode = code, deadline,
        }))).Id;

    [Theory, MemberData(nameof(Providers))]
    public async Task ARectification_TellsEachSideInTurn_NotTheOneWhoActed_AndEachReaderOnlyTheirOwn(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var today = app.Services.GetRequiredService<Web.Features.Shared.BusinessClock>().Today;
        var code = $"TZ-{provider}-1";
        await ProjectAsync(app, code, today.Year);
        using var perf = await app.ClientForAsync("perf");
        using var school = await app.ClientForAsync("yizhong");
        using var edu = await app.ClientForAsync("edu");
        using var neighbour = await app.ClientForAsync("lc.perf");
        var id = await RaiseAsync(perf, code, today.Year, today.AddDays(30));
        var path = $"/api/rectifications/{id}";

        var raised = Assert.Single(await AboutAsync(school, id));
        Assert.Equal((NoticeKind.NewTask, NoticeTopic.Rectification, false), (raised.Kind, raised.Topic, raised.Read));
        Assert.Equal($"新的整改事项：{code} 校舍维修", raised.Title);
        Assert.Contains("维修工程未按合同约定验收即支付尾款", raised.Body);
        Assert.Empty(await AboutAsync(perf, id));
        Assert.Empty(await AboutAsync(edu, id));

        await OkAsync<Item>(await school.PutAsJsonAsync($"{path}/reply", new { measures = "已补办竣工验收并修订合同管理制度", submit = true }, ApiJson.Options));
        Assert.Equal($"整改情况待审核：{code} 校舍维修", Assert.Single(await AboutAsync(edu, id)).Title);
        await OkAsync<Item>(await Post(edu, $"{path}/actions", new { action = "Approve", opinion = "同意" }));
        Assert.Equal($"整改情况待核实：{code} 校舍维修", Assert.Single(await AboutAsync(perf, id)).Title);
        await OkAsync<Item>(await Post(perf, $"{path}/actions", new { action = "Return", opinion = "请上传竣工验收报告" }));
        var returned = (await AboutAsync(school, id)).Single(r => r.Kind == NoticeKind.Returned);
        Assert.Equal($"整改事项被退回：{code} 校舍维修", returned.Title);
        Assert.Contains("请上传竣工验收报告", returned.Body);
        Assert.Empty(await AboutAsync(neighbour, id));

        // Opening a notice reads it and gives its page; another reader's notice is not there for anyone else.
        var unread = (await OkAsync<Page>(await school.GetAsync("/api/notices"))).Unread;
        Assert.Equal(path.Replace("/api/rectifications/", "/Rectifications/Details/"), (await OkAsync<Opened>(await school.PostAsync($"/api/notices/{returned.Id}/read", null))).Link);
        Assert.Equal(unread - 1, (await OkAsync<Page>(await school.GetAsync("/api/notices"))).Unread);
        Assert.True((await AboutAsync(school, id)).Single(r => r.Id == returned.Id).Read);
        Assert.Equal(HttpStatusCode.NotFound, (await edu.PostAsync($"/api/notices/{returned.Id}/read", null)).StatusCode);
        Assert.DoesNotContain((await OkAsync<Page>(await edu.GetAsync("/api/notices?all=true"))).Rows, r => r.Id == returned.Id);
        await OkAsync<NoticesReadAnswer>(await school.PostAsync("/api/notices/read-all", null));
        Assert.Equal(0, (await OkAsync<Page>(await school.GetAsync("/api/notices"))).Unread);
    }

    internal sealed record NoticesReadAnswer(int Read);

    internal sealed record UserAnswer(long Id, string? Email);

    [Theory, MemberData(nameof(Providers))]
    public async Task TheSystemAdministrator_SetsAnAccountsEmail_AWrongOneIsRefusedNamingTheField(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var account = await TestAccounts.NewFillerAsync(app, "mail");
        using var admin = await app.ClientForAsync("sysadmin");
        var unit = await app.OrgIdAsync(DemoCounty.RegionCode, "10602");
        object Body(string email) => new { userName = account.UserName, displayName = "邮箱测试", orgUnitId = unit, roles = new[] { "UnitFiller" }, isActive = true, email };

        var wrong = await RefusedAsync(await admin.PutAsJsonAsync($"/api/users/{account.Id}", Body("wang.example.com")), HttpStatusCode.BadRequest);
        Assert.Equal("电子邮箱", wrong.Field);
        Assert.Contains("name@example.com", wrong.Detail);
        Assert.Null((await OkAsync<UserAnswer>(await admin.GetAsync($"/api/users/{account.Id}"))).Email);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/users/{account.Id}", Body(" wang@xiangyuan.gov.cn "))).StatusCode);
        Assert.Equal("wang@xiangyuan.gov.cn", (await OkAsync<UserAnswer>(await admin.GetAsync($"/api/users/{account.Id}"))).Email);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task TheDeadlineSweep_WritesDueSoonOnceInsideTheLead_AndOverdueOnceAfter(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 1, 0, 0, TimeSpan.Zero));
        await using var app = await JixiaoApp.StartAsync(provider, projects: 0, clock: clock);
        var today = new DateOnly(2026, 6, 1);
        var code = $"TZ-{provider}-2";
        await ProjectAsync(app, code, 2026);
        using var perf = await app.ClientForAsync("perf");
        using var school = await app.ClientForAsync("yizhong");
        var id = await RaiseAsync(perf, code, 2026, today.AddDays(5));
        Task<SweepResult> SweepAsync() => app.AsSystemAsync<NoticeSweep, SweepResult>(s => s.RunAsync(CancellationToken.None));
        async Task<List<Row>> DeadlinesAsync() => (await AboutAsync(school, id)).Where(r => r.Kind is NoticeKind.DueSoon or NoticeKind.Overdue).ToList();

        await SweepAsync();
        Assert.Empty(await DeadlinesAsync()); // five days ahead: outside the default lead of three

        clock.Advance(TimeSpan.FromDays(2));
        await SweepAsync();
        await SweepAsync();
        var due = Assert.Single(await DeadlinesAsync());
        Assert.Equal(NoticeKind.DueSoon, due.Kind);
        Assert.StartsWith("整改事项", due.Title);
        Assert.EndsWith("还有 3 天截止（2026年6月6日）", due.Title);

        clock.Advance(TimeSpan.FromDays(4));
        var overdue = await SweepAsync();
        Assert.True(overdue.Ran);
        await SweepAsync();
        var deadlines = await DeadlinesAsync();
        Assert.Equal([NoticeKind.Overdue, NoticeKind.DueSoon], deadlines.Select(r => r.Kind));
        Assert.StartsWith("整改事项", deadlines[0].Title);
        Assert.EndsWith("已逾期 1 天（截止 2026年6月6日）", deadlines[0].Title);
    }

    [Fact]
    public async Task TwoNodesOnOnePostgres_SweepAtOnce_EachNoticeIsWrittenOnce_AndEachMailReachesTheReceiverOnce()
    {
        TestEnvironment.Require(DatabaseProvider.Postgres);
        await using var smtp = new SmtpReceiver();
        var mail = new Dictionary<string, string>
        {
            ["Mail:Host"] = "127.0.0.1", ["Mail:Port"] = smtp.Port.ToString(), ["Mail:Security"] = "None", ["Mail:SiteUrl"] = "https://jx.example.gov.cn",
        };
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 1, 0, 0, TimeSpan.Zero));
        await using var first = await JixiaoApp.StartAsync(DatabaseProvider.Postgres, projects: 0, clock: clock, settings: mail);
        await using var second = JixiaoApp.Beside(first);
        await first.AsSystemAsync<SystemDbContext>(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "yizhong");
            user.Email = "yizhong@example.gov.cn";
            await db.SaveChangesAsync();
        });
        var code = "TZ-nodes";
        await ProjectAsync(first, code, 2026);
        using var perf = await first.ClientForAsync("perf");
        var id = await RaiseAsync(perf, code, 2026, new DateOnly(2026, 6, 3)); // 新的整改事项 now, 即将到期 at the sweep

        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? first : second)
            .AsSystemAsync<NoticeSweep, SweepResult>(s => s.RunAsync(CancellationToken.None))));
        Assert.Equal(1, runs.Sum(r => r.Written));
        Assert.Equal(2, runs.Sum(r => r.Mailed));
        var notices = await first.AsSystemAsync<SystemDbContext, List<Notice>>(db =>
            db.Notices.Where(n => n.Link == $"/Rectifications/Details/{id}").OrderBy(n => n.Id).ToListAsync());
        Assert.Equal([NoticeKind.NewTask, NoticeKind.DueSoon], notices.Select(n => n.Kind));
        Assert.All(notices, n => Assert.Equal((MailState.Sent, 1), (n.MailState, n.MailAttempts)));

        var received = smtp.Messages.ToList();
        Assert.Equal(2, received.Count);
        Assert.All(received, m => Assert.Equal(["yizhong@example.gov.cn"], m.To));
        var text = string.Join("\n", received.Select(m => MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data))))
            .Select(m => m.Subject + "\n" + m.TextBody));
        Assert.Contains($"【问题整改·新任务】新的整改事项：{code} 校舍维修", text);
        Assert.Contains("【问题整改·即将到期】", text);
        Assert.Contains($"https://jx.example.gov.cn/Rectifications/Details/{id}", text);

        // Later runs on either node find nothing new to write or send.
        await second.AsSystemAsync<NoticeSweep, SweepResult>(s => s.RunAsync(CancellationToken.None));
        await first.AsSystemAsync<NoticeSweep, SweepResult>(s => s.RunAsync(CancellationToken.None));
        Assert.Equal(2, smtp.Messages.Count);
    }
}
