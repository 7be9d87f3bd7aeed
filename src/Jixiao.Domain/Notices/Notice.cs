using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Notices;

/// <summary>What a notice tells its reader (DOMAIN.md §4.6: 提醒): work has come to them, work came back, a deadline is near or past.</summary>
public enum NoticeKind
{
    [Label("新任务")]
    NewTask = 1,
    [Label("被退回")]
    Returned = 2,
    [Label("即将到期")]
    DueSoon = 3,
    [Label("已逾期")]
    Overdue = 4,
}

/// <summary>The module a notice is about.</summary>
public enum NoticeTopic
{
    [Label("绩效目标")]
    Targets = 1,
    [Label("绩效监控")]
    Monitoring = 2,
    [Label("绩效自评")]
    SelfEvaluation = 3,
    [Label("委托评价")]
    Engagement = 4,
    [Label("问题整改")]
    Rectification = 5,
}

/// <summary>Where a notice's e-mail stands. A reader without an address (or a deployment without SMTP) gets none.</summary>
public enum MailState
{
    [Label("不发送")]
    None = 0,
    [Label("待发送")]
    Pending = 1,
    [Label("发送中")]
    Sending = 2,
    [Label("已发送")]
    Sent = 3,
    [Label("发送失败")]
    Failed = 4,
}

/// <summary>
/// One notice to one user (消息提醒): a new task, a returned form, a deadline in a few days or past. <see cref="Key"/> is unique per
/// user, so a deadline sweep that runs again — on this node or another — writes nothing twice. Several items of one act (a batch
/// approval, a round issued) are one notice with their <see cref="Count"/>, linking to the list instead of the item.
/// </summary>
public sealed class Notice : IRegionOwned
{
    private Notice() { }

    public const int TitleLength = 200;
    public const int BodyLength = 500;
    public const int LinkLength = 300;
    public const int KeyLength = 160;
    /// <summary>How often an e-mail is tried before it stays 发送失败.</summary>
    public const int MailAttemptsLimit = 3;

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public long UserId { get; private set; }
    public NoticeKind Kind { get; private set; }
    public NoticeTopic Topic { get; private set; }
    /// <summary>Unique per user: "monitoring:42:s3" for a step, "due:monitoring-round:5:20260831" for a deadline.</summary>
    public string Key { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    /// <summary>The page that shows the item (or the list of them), relative to the site.</summary>
    public string Link { get; private set; } = "";
    /// <summary>How many items the notice is about (1, or a batch's count).</summary>
    public int Count { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? ReadAtUtc { get; private set; }
    public MailState MailState { get; private set; }
    public int MailAttempts { get; private set; }
    public DateTime? MailedAtUtc { get; private set; }
    public string? MailError { get; private set; }

    public bool IsRead => ReadAtUtc is not null;

    /// <param name="mail">the reader has an address and the deployment sends mail</param>
    public static Notice Create(string regionCode, long userId, NoticeKind kind, NoticeTopic topic, string key, string title, string body,
        string link, int count, DateOnly? dueOn, bool mail, DateTime nowUtc) => new()
    {
        RegionCode = regionCode, UserId = userId, Kind = kind, Topic = topic, Key = Clip(key, KeyLength), Title = Clip(title, TitleLength),
        Body = Clip(body, BodyLength), Link = Clip(link, LinkLength), Count = Math.Max(1, count), DueOn = dueOn, CreatedAtUtc = nowUtc,
        MailState = mail ? MailState.Pending : MailState.None,
    };

    /// <summary>Marks the notice read (the first time counts); false when it already was.</summary>
    public bool MarkRead(DateTime nowUtc)
    {
        if (ReadAtUtc is not null) return false;
        ReadAtUtc = nowUtc;
        return true;
    }

    /// <summary>The state after a failed attempt: tried again until <see cref="MailAttemptsLimit"/>, then 发送失败.</summary>
    public static MailState AfterFailure(int attempts) => attempts >= MailAttemptsLimit ? MailState.Failed : MailState.Pending;

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
