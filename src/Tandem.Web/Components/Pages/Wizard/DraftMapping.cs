using Tandem.Domain.Configuration;

namespace Tandem.Web.Components.Pages.Wizard;

/// <summary>A field mapping row being edited: on or off, its direction, and a value table for choice fields.</summary>
public sealed class DraftMapping
{
    public required string AField { get; init; }

    public required string BField { get; init; }

    public MappingDirection Direction { get; set; } = MappingDirection.Both;

    public bool Enabled { get; set; } = true;

    /// <summary>An empty source value keeps what the target holds (one-way variable matching).</summary>
    public bool IgnoreEmptyValues { get; set; }

    /// <summary>Part of the default mapping of the two apps (only switched on or off), rather than added by the user.</summary>
    public bool IsDefault { get; init; }

    /// <summary>For choice fields: option id on side A → option id on side B.</summary>
    public Dictionary<string, string>? ValueTable { get; set; }

    public FieldMapping ToMapping() => new(AField, BField)
    {
        Direction = Direction,
        Enabled = Enabled,
        IgnoreEmptyValues = IgnoreEmptyValues,
        ValueTable = ValueTable is { Count: > 0 } table ? new Dictionary<string, string>(table, StringComparer.Ordinal) : null,
    };

    public static DraftMapping From(FieldMapping mapping, bool isDefault)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return new DraftMapping
        {
            AField = mapping.AField,
            BField = mapping.BField,
            Direction = mapping.Direction,
            Enabled = mapping.Enabled,
            IgnoreEmptyValues = mapping.IgnoreEmptyValues,
            IsDefault = isDefault,
            ValueTable = mapping.ValueTable is null ? null : new Dictionary<string, string>(mapping.ValueTable, StringComparer.Ordinal),
        };
    }
}
