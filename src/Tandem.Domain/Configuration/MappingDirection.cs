namespace Tandem.Domain.Configuration;

/// <summary>The direction a field mapping may carry values.</summary>
public enum MappingDirection
{
    Both,
    AToB,
    BToA,
}
