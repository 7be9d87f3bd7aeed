namespace Jixiao.Domain.Organisation;

/// <summary>A record that belongs to one region. The web host filters every query on it by the user's scope.</summary>
public interface IRegionOwned
{
    string RegionCode { get; }
}

/// <summary>A business record owned by one organisation (unit, department or division) of a region.</summary>
public interface IOrgOwned : IRegionOwned
{
    long OrgUnitId { get; }
}
