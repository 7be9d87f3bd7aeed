using Jixiao.Domain.Audit;

namespace Jixiao.Domain.Tests.Audit;

public sealed class AuditChainTests
{
    private const string Key = "140423";

    /// <summary>A chain of five records as the writer stores them: each links to the previous stored hash.</summary>
    private static List<(AuditLink Link, string StoredHash)> BuildChain(int length = 5)
    {
        var records = new List<(AuditLink, string)>();
        var previous = AuditChain.Genesis;
        var start = new DateTime(2025, 3, 1, 8, 30, 0, DateTimeKind.Utc);
        var actions = new[] { AuditAction.Login, AuditAction.Create, AuditAction.Update, AuditAction.Delete, AuditAction.Logout };
        for (var i = 1; i <= length; i++)
        {
            var link = new AuditLink(Key, i, start.AddSeconds(i).AddTicks(i * 10), 7, "zhangsan",
                actions[(i - 1) % actions.Length], "OrgUnit", i.ToString(), $$"""{"名称":"第{{i}}中学"}""", previous);
            var hash = AuditChain.Hash(link);
            records.Add((link, hash));
            previous = hash;
        }
        return records;
    }

    private static (long, string) HeadOf(List<(AuditLink Link, string StoredHash)> records) =>
        (records[^1].Link.Sequence, records[^1].StoredHash);

    [Fact]
    public void Verify_IntactChain_ReportsNoBreak()
    {
        var chain = BuildChain();

        Assert.Empty(AuditChain.Verify(Key, chain, HeadOf(chain)));
    }

    [Fact]
    public void Hash_RecordWithoutAddress_HashesAsBeforeAddressesWereKept()
    {
        var link = BuildChain(1)[0].Link;
        var canonical = string.Join('\u001f', Key, "1", "2025-03-01T08:30:01.000001", "7", "zhangsan", "10", "OrgUnit", "1",
            """{"名称":"第1中学"}""", AuditChain.Genesis);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));

        Assert.Equal(expected, AuditChain.Hash(link));
        Assert.NotEqual(expected, AuditChain.Hash(link with { ClientAddress = "10.1.2.3" }));
    }

    [Fact]
    public void Verify_ClientAddressChanged_ReportsTheRecord()
    {
        var chain = BuildChain().Select(r => (r.Link with { ClientAddress = "10.1.2.3" }, "")).ToList();
        var previous = AuditChain.Genesis;
        for (var i = 0; i < chain.Count; i++)
        {
            var link = chain[i].Item1 with { PreviousHash = previous };
            chain[i] = (link, previous = AuditChain.Hash(link));
        }
        Assert.Empty(AuditChain.Verify(Key, chain, HeadOf(chain)));

        chain[2] = (chain[2].Item1 with { ClientAddress = "203.0.113.9" }, chain[2].Item2);
        var found = Assert.Single(AuditChain.Verify(Key, chain, HeadOf(chain)));
        Assert.Equal(3, found.Sequence);
    }

    [Fact]
    public void Verify_EmptyChainWithoutHead_ReportsNoBreak()
    {
        Assert.Empty(AuditChain.Verify(Key, [], null));
    }

    [Fact]
    public void Verify_EmptyChainWithGenesisHead_ReportsNoBreak()
    {
        Assert.Empty(AuditChain.Verify(Key, [], (0, AuditChain.Genesis)));
    }

    public static readonly TheoryData<string> AlteredFields =
    [
        nameof(AuditLink.ChainKey),
        nameof(AuditLink.OccurredAtUtc),
        nameof(AuditLink.UserId),
        nameof(AuditLink.UserName),
        nameof(AuditLink.Action),
        nameof(AuditLink.EntityType),
        nameof(AuditLink.EntityId),
        nameof(AuditLink.Changes),
    ];

    private static AuditLink Alter(AuditLink link, string field) => field switch
    {
        nameof(AuditLink.ChainKey) => link with { ChainKey = "140425" },
        nameof(AuditLink.OccurredAtUtc) => link with { OccurredAtUtc = link.OccurredAtUtc.AddMicroseconds(1) },
        nameof(AuditLink.UserId) => link with { UserId = null },
        nameof(AuditLink.UserName) => link with { UserName = "lisi" },
        nameof(AuditLink.Action) => link with { Action = AuditAction.LoginFailed },
        nameof(AuditLink.EntityType) => link with { EntityType = "User" },
        nameof(AuditLink.EntityId) => link with { EntityId = "999" },
        nameof(AuditLink.Changes) => link with { Changes = link.Changes + " " },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    [Theory]
    [MemberData(nameof(AlteredFields))]
    public void Verify_FieldOfOneRecordAltered_ReportsBreakAtThatSequence(string field)
    {
        var chain = BuildChain();
        chain[2] = (Alter(chain[2].Link, field), chain[2].StoredHash);

        var breaks = AuditChain.Verify(Key, chain, HeadOf(chain));

        var found = Assert.Single(breaks);
        Assert.Equal(3, found.Sequence);
        Assert.Equal(Key, found.ChainKey);
        Chinese.AssertMessage(found.Reason);
    }

    [Fact]
    public void Verify_RecordAlteredAndRehashed_ReportsBreakAtNextSequence()
    {
        var chain = BuildChain();
        var altered = chain[2].Link with { UserName = "lisi" };
        chain[2] = (altered, AuditChain.Hash(altered));

        var breaks = AuditChain.Verify(Key, chain, HeadOf(chain));

        Assert.Equal([4L], breaks.Select(b => b.Sequence));
    }

    [Fact]
    public void Verify_MiddleRecordDeleted_ReportsBreakAfterTheGap()
    {
        var chain = BuildChain();
        chain.RemoveAt(2);

        var breaks = AuditChain.Verify(Key, chain, HeadOf(chain));

        Assert.NotEmpty(breaks);
        Assert.All(breaks, b => Assert.Equal(4, b.Sequence));
        Assert.Contains(breaks, b => b.Reason.Contains("应为 3，实际为 4"));
    }

    [Fact]
    public void Verify_FirstRecordDeleted_ReportsBreak()
    {
        var chain = BuildChain();
        chain.RemoveAt(0);

        var breaks = AuditChain.Verify(Key, chain, HeadOf(chain));

        Assert.Contains(breaks, b => b.Sequence == 2);
    }

    [Fact]
    public void Verify_LastRecordDeletedHeadStillSaysFive_ReportsBreak()
    {
        var chain = BuildChain();
        var head = HeadOf(chain);
        chain.RemoveAt(4);

        var breaks = AuditChain.Verify(Key, chain, head);

        var found = Assert.Single(breaks);
        Assert.Equal(4, found.Sequence);
        Assert.Contains("第 5 条", found.Reason);
        Assert.Contains("第 4 条", found.Reason);
    }

    [Fact]
    public void Verify_AllRecordsDeletedHeadRemains_ReportsBreak()
    {
        var chain = BuildChain();

        var breaks = AuditChain.Verify(Key, [], HeadOf(chain));

        Assert.Single(breaks);
    }

    [Fact]
    public void Verify_HeadHashAltered_ReportsBreak()
    {
        var chain = BuildChain();

        var breaks = AuditChain.Verify(Key, chain, (5, chain[3].StoredHash));

        Assert.Equal([5L], breaks.Select(b => b.Sequence));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(0, 4)]
    [InlineData(3, 4)]
    public void Verify_TwoRecordsSwapped_ReportsBreak(int first, int second)
    {
        var chain = BuildChain();
        (chain[first], chain[second]) = (chain[second], chain[first]);

        var breaks = AuditChain.Verify(Key, chain, HeadOf(BuildChain()));

        Assert.NotEmpty(breaks);
        Assert.Contains(breaks, b => b.Sequence == first + 1 || b.Sequence == second + 1);
    }

    [Fact]
    public void Verify_SequencesRenumberedAfterSwap_ReportsBreak()
    {
        // Swap the content of 2 and 3 but keep the sequence numbers in order.
        var chain = BuildChain();
        var two = chain[1].Link;
        var three = chain[2].Link;
        chain[1] = (three with { Sequence = 2 }, chain[2].StoredHash);
        chain[2] = (two with { Sequence = 3 }, chain[1].StoredHash);

        var breaks = AuditChain.Verify(Key, chain, HeadOf(chain));

        Assert.Contains(breaks, b => b.Sequence == 2);
    }

    [Fact]
    public void Verify_RecordInserted_ReportsBreak()
    {
        var chain = BuildChain();
        var forged = chain[1].Link with { Sequence = 3, UserName = "hacker", PreviousHash = chain[1].StoredHash };
        chain.Insert(2, (forged, AuditChain.Hash(forged)));

        var breaks = AuditChain.Verify(Key, chain, HeadOf(BuildChain()));

        Assert.NotEmpty(breaks);
    }

    [Fact]
    public void Verify_HeadMissingWithRecords_ReportsBreak()
    {
        var chain = BuildChain();

        var found = Assert.Single(AuditChain.Verify(Key, chain, null));

        Assert.Equal(5, found.Sequence);
        Assert.Contains("链头", found.Reason);
    }

    [Fact]
    public void Normalize_HundredNanosecondTicks_TruncatesToMicroseconds()
    {
        var precise = new DateTime(2025, 3, 1, 8, 30, 0, DateTimeKind.Utc).AddTicks(1_234_567);
        var truncated = new DateTime(2025, 3, 1, 8, 30, 0, DateTimeKind.Utc).AddTicks(1_234_560);

        Assert.Equal(truncated, AuditChain.Normalize(precise));
        Assert.Equal(DateTimeKind.Utc, AuditChain.Normalize(precise).Kind);
        Assert.Equal(truncated, AuditChain.Normalize(truncated));
    }

    [Fact]
    public void Hash_TimestampWithHundredNanosecondTicks_EqualsHashOfTruncatedTimestamp()
    {
        var link = BuildChain(1)[0].Link;
        var truncated = link with { OccurredAtUtc = AuditChain.Normalize(link.OccurredAtUtc) };
        var precise = truncated with { OccurredAtUtc = truncated.OccurredAtUtc.AddTicks(9) };

        Assert.Equal(AuditChain.Hash(truncated), AuditChain.Hash(precise));
        Assert.NotEqual(AuditChain.Hash(truncated), AuditChain.Hash(truncated with { OccurredAtUtc = truncated.OccurredAtUtc.AddTicks(10) }));
    }

    [Fact]
    public void Verify_RecordsCarryingHundredNanosecondTicks_StaysIntact()
    {
        // The writer hashes before the database drops the sub-microsecond ticks; either form must verify.
        var stored = BuildChain();
        var precise = stored.Select(r => (r.Link with { OccurredAtUtc = r.Link.OccurredAtUtc.AddTicks(7) }, r.StoredHash)).ToList();

        Assert.Empty(AuditChain.Verify(Key, precise, HeadOf(stored)));
    }
}
