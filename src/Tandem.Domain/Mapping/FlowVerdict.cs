namespace Tandem.Domain.Mapping;

/// <summary>Whether values can flow from one field into another, how, and if not, why (in words a user understands).</summary>
public sealed record FlowVerdict(Conversion Conversion, string? Reason)
{
    public bool Allowed => Conversion != Conversion.None;

    internal static FlowVerdict Refused(string reason) => new(Conversion.None, reason);
}
