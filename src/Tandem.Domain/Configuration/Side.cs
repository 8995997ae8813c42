namespace Tandem.Domain.Configuration;

/// <summary>One of the two sides of a connection.</summary>
public enum Side
{
    A = 0,
    B = 1,
}
