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
    /// <summary>The <c>field_type</c> values <c>POST /personFields</c> takes (openapi-v1.yaml).</summary>
    public static readonly string[] Creatable = ["address", "date", "daterange", "double", "enum", "monetary", "org", "people", "phone", "set", "text", "time", "timerange", "user", "varchar", "varchar_auto", "visible_to"];

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

    private readonly Lock gate = new();
    private readonly List<JsonObject> fields;
    private int nextId;

    public PersonFieldCatalog(IReadOnlyList<string> labels)
    {
        Labels = labels.Select((l, i) => (Id: i + 1, Label: l)).ToList();
        var seeded = new List<JsonObject>
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
            seeded.Add(Field(++id, HashKey(name), name, type, custom: true, options, optionBase: id * 10));
        }

        this.fields = seeded;
        nextId = id + 1;
    }

    public IReadOnlyList<(int Id, string Label)> Labels { get; }

    /// <summary>The fields as they are now (copies are the caller's to shape).</summary>
    public IReadOnlyList<JsonObject> Fields
    {
        get
        {
            lock (gate)
            {
                return fields.ToList();
            }
        }
    }

    public static string HashKey(string name) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes("tandem-sandbox:" + name)));

    /// <summary>The option ids of an enum or set custom field.</summary>
    public IReadOnlyList<int> OptionIds(string key) =>
        Fields.First(f => f["key"]!.GetValue<string>() == key)["options"] is JsonArray options
            ? options.Select(o => o!["id"]!.GetValue<int>()).ToList()
            : [];

    public JsonObject? Find(string key) => Fields.FirstOrDefault(f => f["key"]!.GetValue<string>() == key);

    /// <summary>
    /// <c>POST /personFields</c>: a new custom field with a 40-character hash key, its options numbered when it is an
    /// <c>enum</c> or <c>set</c>. Refusals are 400s in Pipedrive's envelope, and add nothing.
    /// </summary>
    public JsonObject Add(JsonObject body, DateTimeOffset now, int userId)
    {
        var name = body["name"] is JsonValue n && n.TryGetValue<string>(out var text) ? text.Trim() : null;
        if (string.IsNullOrEmpty(name))
        {
            throw PipedriveApiException.Invalid("Field name is required.");
        }

        if (name.Length > 255)
        {
            throw PipedriveApiException.Invalid("Field name must be at most 255 characters.");
        }

        var type = body["field_type"] is JsonValue t && t.TryGetValue<string>(out var typeText) ? typeText : null;
        if (type is null || !Creatable.Contains(type, StringComparer.Ordinal))
        {
            throw PipedriveApiException.Invalid("Field type must be one of " + string.Join(", ", Creatable) + ".");
        }

        var labels = Options(body["options"], type);
        lock (gate)
        {
            var id = nextId++;
            var field = Field(id, HashKey(name + "#" + id.ToString(System.Globalization.CultureInfo.InvariantCulture)), name, type, custom: true, labels, optionBase: id * 10);
            var stamp = now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            field["add_time"] = stamp;
            field["update_time"] = stamp;
            field["created_by_user_id"] = userId;
            field["last_updated_by_user_id"] = userId;
            field["add_visible_flag"] = body["add_visible_flag"] is JsonValue v && v.TryGetValue<bool>(out var visible) ? visible : true;
            fields.Add(field);
            return (JsonObject)field.DeepClone();
        }
    }

    /// <summary>
    /// v2 <c>POST /personFields/{field_code}/options</c> (<c>addPersonFieldOptions</c>): appends options to an enum or set
    /// field, the label field included (Pipedrive's labels guide: person labels are a custom field's options). Atomic: a
    /// bad item refuses the whole request (400) and adds nothing; an unknown field is 404. Answers only the new options.
    /// </summary>
    public JsonArray AddOptions(string code, JsonNode? body)
    {
        var labels = (body as JsonArray ?? throw PipedriveApiException.Invalid("The body must be an array of options with a label."))
            .Select(o => o is JsonObject option && option["label"] is JsonValue l && l.TryGetValue<string>(out var label) ? label.Trim() : null)
            .ToList();
        if (labels.Count == 0 || labels.Any(l => string.IsNullOrEmpty(l) || l.Length > 255))
        {
            throw PipedriveApiException.Invalid("Each option needs a label of 1 to 255 characters, and at least one option is required.");
        }

        lock (gate)
        {
            var field = fields.FirstOrDefault(f => f["key"]!.GetValue<string>() == code) ?? throw PipedriveApiException.NotFound("Field");
            if (field["field_type"]!.GetValue<string>() is not ("enum" or "set") || field["options"] is not JsonArray options)
            {
                throw PipedriveApiException.Invalid("Only fields of type enum and set have options.");
            }

            var next = options.Select(o => o!["id"]!.GetValue<int>()).DefaultIfEmpty(field["id"]!.GetValue<int>() * 10).Max();
            var added = new JsonArray();
            foreach (var label in labels)
            {
                var option = new JsonObject { ["id"] = ++next, ["label"] = label };
                options.Add(option);
                added.Add(option.DeepClone());
            }

            return added;
        }
    }

    /// <summary>The option labels of a new field: required for enum and set (a non-empty array of <c>{label}</c>), refused otherwise.</summary>
    private static List<string>? Options(JsonNode? options, string type)
    {
        var choice = type is "enum" or "set";
        if (options is null)
        {
            return choice ? throw PipedriveApiException.Invalid("Options are required for fields of type enum and set.") : null;
        }

        if (!choice)
        {
            throw PipedriveApiException.Invalid("Options can only be given for fields of type enum and set.");
        }

        var labels = (options as JsonArray ?? throw PipedriveApiException.Invalid("Options must be an array of objects with a label."))
            .Select(o => o is JsonObject option && option["label"] is JsonValue l && l.TryGetValue<string>(out var label) && !string.IsNullOrWhiteSpace(label) ? label.Trim() : null)
            .ToList();
        if (labels.Count == 0 || labels.Any(l => l is null))
        {
            throw PipedriveApiException.Invalid("Options must be a non-empty array of objects with a label.");
        }

        return labels!;
    }

    /// <summary>A field as v2 <c>GET /personFields</c> shows it (openapi-v2.yaml): code, name, type, options, custom or not.</summary>
    public static JsonObject V2(JsonObject v1)
    {
        var code = v1["key"]!.GetValue<string>();
        return new JsonObject
        {
            ["field_name"] = v1["name"]!.GetValue<string>(),
            ["field_code"] = code,
            ["field_type"] = v1["field_type"]!.GetValue<string>(),
            ["options"] = v1["options"] is JsonArray options ? options.DeepClone() : null,
            ["subfields"] = null,
            ["is_custom_field"] = code.Length == 40,
            ["is_optional_response_field"] = code == "marketing_status",
        };
    }

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
