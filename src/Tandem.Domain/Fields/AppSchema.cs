namespace Tandem.Domain.Fields;

/// <summary>The contact fields one account of an app offers, discovered from the app.</summary>
public sealed class AppSchema
{
    private readonly Dictionary<string, FieldDefinition> byKey;

    public AppSchema(IEnumerable<FieldDefinition> fields)
    {
        Fields = fields.ToArray();
        byKey = new Dictionary<string, FieldDefinition>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            if (!byKey.TryAdd(field.Key, field))
            {
                throw new ArgumentException($"The schema lists the field '{field.Key}' twice.", nameof(fields));
            }
        }
    }

    public IReadOnlyList<FieldDefinition> Fields { get; }

    public FieldDefinition? Find(string key) => byKey.GetValueOrDefault(key);

    public FieldDefinition? FindRole(FieldRole role) => Fields.FirstOrDefault(f => f.Role == role);
}
