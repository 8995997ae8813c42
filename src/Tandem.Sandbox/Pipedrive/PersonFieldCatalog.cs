using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Pipedrive;

/// <summary>
/// The person fields of the sandbox company, as <c>GET /api/v1/personFields</c> lists them: the standard ones
/// and one custom field of each type, keyed by a 40-character hash (SHA-1 of its name, so stable across runs).
/// </summary>
internal sealed class PersonFieldCatalog
{
    public static readonly (string Name, string Type, string[] Options)[] Custom =
    [
        ("Nickname", "varchar", []),
        ("Background", "text", []),
        ("Score", "double", []),
        ("Budget", "monetary", []),
        ("Contract start", "date", []),
        ("Availability", "daterange", []),
        ("Segment", "enum", ["SMB", "Mid-market", "Enterprise"]),
        ("Interests", "set", ["Newsletter", "Events", "Webinars", "Product news"]),
        ("Account manager", "user", []),
        ("Billing address", "address", []),
        ("Assistant phone", "phone", []),
    ];

    public PersonFieldCatalog(IReadOnlyList<string> labels)
    {
        Labels = labels.Select((l, i) => (Id: i + 1, Label: l)).ToList();
        var fields = new List<JsonObject>
        {
            Field(9001, "name", "Name", "varchar", custom: false),
            Field(9002, "first_name", "First name", "varchar", custom: false),
            Field(9003, "last_name", "Last name", "varchar", custom: false),
            Field(9004, "email", "Email", "varchar", custom: false),
            Field(9005, "phone", "Phone", "phone", custom: false),
            Field(9006, "org_id", "Organization", "org", custom: false),
            Field(9007, "owner_id", "Owner", "user", custom: false),
            Field(9008, "label_ids", "Labels", "set", custom: false, Labels.Select(l => l.Label)),
            Field(9009, "job_title", "Job title", "varchar", custom: false),
            Field(9010, "birthday", "Birthday", "date", custom: false),
            Field(9011, "notes", "Notes", "text", custom: false),
            Field(9012, "marketing_status", "Marketing status", "enum", custom: false, ["no_consent", "unsubscribed", "subscribed", "archived"]),
        };
        var id = 9100;
        foreach (var (name, type, options) in Custom)
        {
            fields.Add(Field(++id, HashKey(name), name, type, custom: true, options, optionBase: id * 10));
        }

        Fields = fields;
    }

    public IReadOnlyList<(int Id, string Label)> Labels { get; }

    public IReadOnlyList<JsonObject> Fields { get; }

    public static string HashKey(string name) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes("tandem-sandbox:" + name)));

    /// <summary>The option ids of an enum or set custom field.</summary>
    public IReadOnlyList<int> OptionIds(string key) =>
        Fields.First(f => f["key"]!.GetValue<string>() == key)["options"] is JsonArray options
            ? options.Select(o => o!["id"]!.GetValue<int>()).ToList()
            : [];

    public JsonObject? Find(string key) => Fields.FirstOrDefault(f => f["key"]!.GetValue<string>() == key);

    private static JsonObject Field(int id, string key, string name, string type, bool custom, IEnumerable<string>? options = null, int optionBase = 0)
    {
        var field = new JsonObject
        {
            ["id"] = id,
            ["key"] = key,
            ["name"] = name,
            ["order_nr"] = id,
            ["field_type"] = type,
            ["edit_flag"] = custom,
            ["active_flag"] = true,
            ["mandatory_flag"] = key == "name",
            ["bulk_edit_allowed"] = true,
        };
        if (options is not null && (type is "enum" or "set"))
        {
            field["options"] = new JsonArray(options.Select((o, i) => (JsonNode)new JsonObject { ["id"] = optionBase + i + 1, ["label"] = o }).ToArray());
        }

        return field;
    }
}
