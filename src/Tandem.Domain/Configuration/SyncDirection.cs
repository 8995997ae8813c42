namespace Tandem.Domain.Configuration;

/// <summary>Which way contacts flow in a connection.</summary>
public enum SyncDirection
{
    TwoWay,
    AToB,
    BToA,
}
