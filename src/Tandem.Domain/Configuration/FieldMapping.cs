using System.Text.Json.Serialization;

namespace Tandem.Domain.Configuration;

/// <summary>
/// One row of a connection's field mappings: a field of side A with a field of side B. Keys may name
/// compound parts (<c>deal_period/Start</c>, <c>budget/Currency</c>). The name row pairs the name
/// fields of both sides whatever their shape (first + last, or one full name).
/// </summary>
public sealed record FieldMapping(string AField, string BField)
{
    /// <summary>The key used in a mapping for the contact's name, split or joined as each side needs.</summary>
    public const string NameKey = "$name";

    public MappingDirection Direction { get; init; } = MappingDirection.Both;

    public bool Enabled { get; init; } = true;

    /// <summary>An empty source value never blanks the target through this row (variable matching, PRODUCT.md §5).</summary>
    public bool IgnoreEmptyValues { get; init; }

    /// <summary>For choice fields: option id on side A → option id on side B.</summary>
    public IReadOnlyDictionary<string, string>? ValueTable { get; init; }

    /// <summary>A stable key of the row, used to store its baseline.</summary>
    [JsonIgnore]
    public string RowKey => AField + "|" + BField;
}
