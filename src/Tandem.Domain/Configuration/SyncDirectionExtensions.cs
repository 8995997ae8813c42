namespace Tandem.Domain.Configuration;

/// <summary>Reading a direction in terms of sides.</summary>
public static class SyncDirectionExtensions
{
    /// <summary>True when values may flow from <paramref name="source"/> to the other side.</summary>
    public static bool Allows(this SyncDirection direction, Side source) => direction switch
    {
        SyncDirection.TwoWay => true,
        SyncDirection.AToB => source == Side.A,
        SyncDirection.BToA => source == Side.B,
        _ => false,
    };
}
