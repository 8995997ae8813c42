using Tandem.Domain.Fields;

namespace Tandem.Connectors.Workbooks.Internal;

/// <summary>
/// One contact field and the Workbooks column(s) behind it: one column, or the five parts of a location's address
/// (street, town, county, postcode, country). <see cref="Datatype"/> is Workbooks' own (date, currency, picklist_data…).
/// </summary>
internal sealed record SchemaField(FieldDefinition Definition, IReadOnlyList<string> Columns, string Datatype)
{
    public string Key => Definition.Key;

    public string Column => Columns[0];
}
