namespace Tandem.Domain.Configuration;

/// <summary>Navigation between the two sides.</summary>
public static class SideExtensions
{
    public static Side Other(this Side side) => side == Side.A ? Side.B : Side.A;
}
