using Jixiao.Domain.Audit;
using Jixiao.Domain.Organisation;

namespace Jixiao.Web.Data;

/// <summary>One append-only audit record; <see cref="RegionCode"/> is also its chain key.</summary>
public sealed class AuditEntry : IRegionOwned
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public long Sequence { get; set; }
    public DateTime OccurredAtUtc { get; set; }
    public long? UserId { get; set; }
    public string UserName { get; set; } = "";
    public AuditAction Action { get; set; }
    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }
    public string? Changes { get; set; }
    /// <summary>The client address of the request that caused the record (null for CLI verbs and older records).</summary>
    public string? ClientAddress { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public AuditLink ToLink() => new(RegionCode, Sequence, OccurredAtUtc, UserId, UserName, Action,
        EntityType, EntityId, Changes, PreviousHash, ClientAddress);
}

/// <summary>The last sequence and hash of one chain; its row is locked while a record is appended.</summary>
public sealed class AuditChainHead
{
    public string ChainKey { get; set; } = "";
    public long Sequence { get; set; }
    public string Hash { get; set; } = AuditChain.Genesis;
}
