using Tandem.Domain.Fields;

namespace Tandem.Connectors.HubSpot.Internal;

/// <summary>One contact property of the portal as the connector uses it: its name, label, Tandem type and options (label by wire value).</summary>
internal sealed record PortalProperty(string Name, string Label, FieldType Type)
{
    public bool IsReadOnly { get; init; }

    public bool IsCustom { get; init; }

    /// <summary>An enumeration's options: wire value and label, in HubSpot's order.</summary>
    public IReadOnlyList<(string Value, string Label)> Options { get; init; } = [];

    public string? LabelOf(string value) => Options.FirstOrDefault(o => string.Equals(o.Value, value, StringComparison.OrdinalIgnoreCase)).Label;

    /// <summary>The wire value of an option named by its label (or by its value).</summary>
    public string? ValueOf(string labelOrValue) => Options.FirstOrDefault(o => string.Equals(o.Label, labelOrValue, StringComparison.OrdinalIgnoreCase)).Value
        ?? Options.FirstOrDefault(o => string.Equals(o.Value, labelOrValue, StringComparison.OrdinalIgnoreCase)).Value;
}
