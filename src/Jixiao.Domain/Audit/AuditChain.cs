using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Jixiao.Domain.Audit;

public enum AuditAction
{
    [Label("新增")]
    Create = 1,
    [Label("修改")]
    Update = 2,
    [Label("删除")]
    Delete = 3,
    [Label("登录")]
    Login = 10,
    [Label("登录失败")]
    LoginFailed = 11,
    [Label("账号锁定")]
    LockedOut = 12,
    [Label("退出")]
    Logout = 13,
    [Label("签发令牌")]
    TokenIssued = 14,
    /// <summary>Sessions ended and tokens revoked (logout elsewhere, password or role change, disabling).</summary>
    [Label("结束会话")]
    SessionsEnded = 15,
    [Label("修改密码")]
    PasswordChanged = 16,
    [Label("绑定动态口令")]
    TotpEnrolled = 17,
    [Label("重置动态口令")]
    TotpReset = 18,
    [Label("使用恢复码")]
    RecoveryCodeUsed = 19,
    /// <summary>Synthetic data written by the <c>generate</c> verb, one summary record per region.</summary>
    [Label("批量生成")]
    Generated = 20,
    [Label("下载附件")]
    Downloaded = 21,
    /// <summary>The ex-ante gate's decision on a budget movement (准予, 警示, 拒绝), with the project and the amounts.</summary>
    [Label("事前评估闸门")]
    ExAnteGate = 22,
}

/// <summary>The fields of one audit record that its hash covers, in chain order.</summary>
public sealed record AuditLink(
    string ChainKey,
    long Sequence,
    DateTime OccurredAtUtc,
    long? UserId,
    string UserName,
    AuditAction Action,
    string EntityType,
    string? EntityId,
    string? Changes,
    string PreviousHash,
    string? ClientAddress = null);

/// <summary>A place where the recorded history does not match its hash chain.</summary>
public sealed record ChainBreak(string ChainKey, long Sequence, string Reason);

/// <summary>
/// The audit trail is append-only and hash-chained per chain key (one chain per region, so regions can
/// be partitioned): each record's hash covers its content and the previous record's hash, and the chain
/// head stores the last sequence and hash. Editing, deleting or inserting any record breaks the chain.
/// </summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Timestamps are hashed at microsecond precision, which both databases keep exactly.</summary>
    public static DateTime Normalize(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);

    public static string Hash(AuditLink link)
    {
        var canonical = string.Join('\u001f',
            link.ChainKey,
            link.Sequence.ToString(CultureInfo.InvariantCulture),
            Normalize(link.OccurredAtUtc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            link.UserId?.ToString(CultureInfo.InvariantCulture) ?? "",
            link.UserName,
            ((int)link.Action).ToString(CultureInfo.InvariantCulture),
            link.EntityType,
            link.EntityId ?? "",
            link.Changes ?? "",
            link.PreviousHash);
        // Records written before addresses were kept hash as they always did.
        if (link.ClientAddress is { } address) canonical += '\u001f' + address;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// Checks one chain, given its records in sequence order with their stored hashes and the stored head.
    /// Returns every break found (empty when intact).
    /// </summary>
    public static IReadOnlyList<ChainBreak> Verify(
        string chainKey,
        IEnumerable<(AuditLink Link, string StoredHash)> records,
        (long Sequence, string Hash)? head)
    {
        var breaks = new List<ChainBreak>();
        var expectedSequence = 1L;
        var previous = Genesis;
        foreach (var (link, stored) in records)
        {
            if (link.Sequence != expectedSequence)
                breaks.Add(new(chainKey, link.Sequence,
                    $"序号不连续：应为 {expectedSequence}，实际为 {link.Sequence}（记录被删除或插入）"));
            if (link.PreviousHash != previous)
                breaks.Add(new(chainKey, link.Sequence, "前一条记录的哈希与本条保存的不一致（前序记录被修改或删除）"));
            if (Hash(link) != stored)
                breaks.Add(new(chainKey, link.Sequence, "记录内容与其哈希不符（记录被修改）"));
            previous = stored;
            expectedSequence = link.Sequence + 1;
        }

        var last = expectedSequence - 1;
        if (head is null)
        {
            if (last > 0) breaks.Add(new(chainKey, last, "缺少链头记录"));
        }
        else if (head.Value.Sequence != last || head.Value.Hash != (last == 0 ? Genesis : previous))
        {
            breaks.Add(new(chainKey, last,
                $"链头记录为第 {head.Value.Sequence} 条，实际最后一条为第 {last} 条（末尾记录被删除或链头被改）"));
        }
        return breaks;
    }
}
