using Tandem.Domain.Fields;

namespace Tandem.Connectors.Contract;

/// <summary>
/// Implemented by connectors whose app lets Tandem add a custom contact field, so a mapping's target can be created
/// on the spot (PRODUCT.md §5, variable matching).
/// </summary>
public interface IFieldCreator
{
    /// <summary>The value types this app can create a field of.</summary>
    IReadOnlyList<FieldType> CreatableFieldTypes { get; }

    /// <summary>
    /// Creates a custom field and returns it as <see cref="IContactConnector.GetSchemaAsync"/> will list it from now on.
    /// <paramref name="options"/> are the choices of a choice field (empty otherwise). Throws
    /// <see cref="ConnectorException"/> with a sentence for the user when the app refuses (a name in use, a type it lacks).
    /// </summary>
    Task<FieldDefinition> CreateFieldAsync(string label, FieldType type, IReadOnlyList<string> options, CancellationToken cancellationToken);
}
