using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>One merge field (audience field) of an audience: its tag, type and options.</summary>
internal sealed record StoredMergeField(int MergeId, string Tag, string Name, string Type)
{
    public static readonly string[] Types = ["text", "number", "address", "phone", "date", "url", "imageurl", "radio", "dropdown", "birthday", "zip"];

    public bool Required { get; init; }

    public bool Public { get; init; } = true;

    public int DisplayOrder { get; init; }

    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>For date and birthday fields: how the form shows it ("MM/DD/YYYY", "MM/DD"); the API always speaks ISO (birthday MM/DD).</summary>
    public string? DateFormat { get; init; }

    /// <summary>For phone fields: "US" or "International".</summary>
    public string? PhoneFormat { get; init; }

    public JsonObject ToJson(string listId)
    {
        var options = new JsonObject();
        switch (Type)
        {
            case "text":
                options["size"] = 25;
                break;
            case "radio" or "dropdown":
                options["choices"] = new JsonArray(Choices.Select(c => (JsonNode)c).ToArray());
                break;
            case "date" or "birthday":
                options["date_format"] = DateFormat;
                break;
            case "phone":
                options["phone_format"] = PhoneFormat;
                break;
            case "address":
                options["default_country"] = 164;
                break;
        }

        return new JsonObject
        {
            ["merge_id"] = MergeId,
            ["tag"] = Tag,
            ["name"] = Name,
            ["type"] = Type,
            ["required"] = Required,
            ["default_value"] = string.Empty,
            ["public"] = Public,
            ["display_order"] = DisplayOrder,
            ["options"] = options,
            ["help_text"] = string.Empty,
            ["list_id"] = listId,
        };
    }
}
