using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Workbooks;

/// <summary>One person as the sandbox holds it: the common attributes, and the other columns by their API names.</summary>
internal sealed class StoredPerson
{
    public required int Id { get; init; }

    public int LockVersion { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsDeleted { get; set; }

    public string CreatedThrough { get; init; } = "Workbooks";

    public JsonObject Columns { get; init; } = [];

    public StoredPerson Copy() => new()
    {
        Id = Id,
        LockVersion = LockVersion,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        IsDeleted = IsDeleted,
        CreatedThrough = CreatedThrough,
        Columns = (JsonObject)Columns.DeepClone(),
    };

    /// <summary>The common name: first and last name, as the Workbooks Desktop shows a person.</summary>
    public string Name => string.Join(' ', new[] { Text("person_first_name"), Text("person_last_name") }.Where(p => p.Length > 0));

    public string Text(string column) => Columns[column] is JsonValue value && value.TryGetValue<string>(out var text) ? text.Trim() : string.Empty;

    /// <summary>The value of a column as a filter compares it: the common attributes first, then the stored columns.</summary>
    public JsonNode? Value(string column) => column switch
    {
        "id" => Id,
        "lock_version" => LockVersion,
        "created_at" => CreatedAt.ToUnixTimeSeconds(),
        "updated_at" => UpdatedAt.ToUnixTimeSeconds(),
        "is_deleted" => IsDeleted,
        "name" => Name,
        "object_ref" => "PER-" + Id,
        "created_through" => CreatedThrough,
        _ => Columns[column]?.DeepClone(),
    };

    /// <summary>The person as the API renders it: every column, datetimes in Workbooks' form, the permission flags.</summary>
    public JsonObject Render(PersonFieldCatalog catalog)
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["lock_version"] = LockVersion,
            ["created_at"] = WorkbooksFormats.DateTime(CreatedAt),
            ["updated_at"] = WorkbooksFormats.DateTime(UpdatedAt),
            ["created_by"] = 1,
            ["updated_by"] = 1,
            ["is_deleted"] = IsDeleted,
            ["object_ref"] = "PER-" + Id,
            ["name"] = Name,
            ["created_through"] = CreatedThrough,
            ["type"] = PersonFieldCatalog.ClassName,
            ["_can_modify"] = !IsDeleted,
            ["_can_delete"] = !IsDeleted,
            ["_can_read"] = true,
        };
        foreach (var field in catalog.Fields.Where(f => f.IsWritable))
        {
            json[field.Name] = Columns[field.Name]?.DeepClone() ?? (field.Datatype == "boolean" ? false : null);
        }

        return json;
    }
}
