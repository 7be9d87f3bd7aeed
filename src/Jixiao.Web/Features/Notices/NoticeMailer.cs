using Jixiao.Domain.Notices;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Jixiao.Web.Features.Notices;

/// <summary>
/// The deployment's SMTP server (section <c>Mail</c>; env <c>Mail__Host</c> …). Without a host no e-mail is sent and notices
/// stay in the app. <see cref="SiteUrl"/> makes the links in the mails absolute.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's <see cref="SecureSocketOptions"/>).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "jixiao@localhost";
    public string FromName { get; set; } = "预算绩效管理信息系统";
    /// <summary>The address users open the app at, e.g. https://jx.example.gov.cn (links in mails).</summary>
    public string SiteUrl { get; set; } = "http://127.0.0.1:5080";
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// Sends the e-mails of pending notices. Each notice is claimed by one conditional UPDATE (待发送 → 发送中) before it is sent, so
/// of several nodes sending at once exactly one sends it; a failed attempt is tried again on the next run, up to
/// <see cref="Notice.MailAttemptsLimit"/> times; a claim left by a node that stopped mid-send is taken back after ten minutes.
/// </summary>
public sealed class NoticeMailer(IOptions<MailOptions> options, TimeProvider clock, ILogger<NoticeMailer> log)
{
    private static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(10);
    private const int Batch = 200;

    public async Task<int> SendPendingAsync(SystemDbContext db, CancellationToken ct)
    {
        var mail = options.Value;
        if (!mail.Enabled) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - StaleClaim;
        await db.Notices.Where(n => n.MailState == MailState.Sending && n.MailedAtUtc < stale)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.MailState, MailState.Pending), ct);
        // The batch with its readers' addresses in one read; each row is then claimed before it is sent.
        var candidates = await db.Notices.AsNoTracking().Where(n => n.MailState == MailState.Pending).OrderBy(n => n.Id).Take(Batch)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { Notice = n, u.Email, u.DisplayName })
            .ToListAsync(ct);
        if (candidates.Count == 0) return 0;

        using var smtp = new SmtpClient();
        var sent = 0;
        foreach (var (notice, to) in candidates.Select(c => (c.Notice, (c.Email, c.DisplayName))))
        {
            var id = notice.Id;
            // The claim: one node's UPDATE finds the row 待发送; any other finds it taken and moves on. MailedAtUtc dates the claim.
            var claimed = await db.Notices.Where(n => n.Id == id && n.MailState == MailState.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.MailState, MailState.Sending).SetProperty(n => n.MailedAtUtc, now)
                    .SetProperty(n => n.MailAttempts, n => n.MailAttempts + 1), ct);
            if (claimed == 0) continue;
            var attempt = notice.MailAttempts + 1;
            try
            {
                if (string.IsNullOrWhiteSpace(to.Email)) throw new InvalidOperationException("该用户已没有邮箱地址。");
                if (!smtp.IsConnected)
                {
                    await smtp.ConnectAsync(mail.Host!, mail.Port, mail.Security, ct);
                    if (!string.IsNullOrEmpty(mail.UserName)) await smtp.AuthenticateAsync(mail.UserName, mail.Password ?? "", ct);
                }
                await smtp.SendAsync(Message(mail, notice, to.DisplayName, to.Email), ct);
                await db.Notices.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.MailState, MailState.Sent)
                    .SetProperty(n => n.MailedAtUtc, clock.GetUtcNow().UtcDateTime).SetProperty(n => n.MailError, (string?)null), ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                log.LogWarning(e, "Notice {Id}: the e-mail to user {User} failed (attempt {Attempt}).", id, notice.UserId, attempt);
                var error = e.Message.Length > 500 ? e.Message[..500] : e.Message;
                await db.Notices.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.MailState, Notice.AfterFailure(attempt))
                    .SetProperty(n => n.MailError, error), ct);
                if (smtp.IsConnected) await smtp.DisconnectAsync(quit: false, CancellationToken.None);
            }
        }
        if (smtp.IsConnected) await smtp.DisconnectAsync(quit: true, ct);
        return sent;
    }

    private static MimeMessage Message(MailOptions mail, Notice notice, string name, string address)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail.FromName, mail.From));
        message.To.Add(new MailboxAddress(name, address));
        message.Subject = $"【{notice.Topic.Label()}·{notice.Kind.Label()}】{notice.Title}";
        var link = mail.SiteUrl.TrimEnd('/') + notice.Link;
        message.Body = new TextPart("plain")
        {
            Text = $"{name}：\n\n{notice.Title}\n{notice.Body}\n\n请登录系统办理：{link}\n\n（本邮件由{mail.FromName}自动发送，请勿回复。）",
        };
        return message;
    }
}
