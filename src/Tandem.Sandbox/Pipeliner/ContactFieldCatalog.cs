using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Pipeliner;

/// <summary>
/// The Contact fields of the demo space, as <c>GET entities/Fields</c> lists them: the standard ones the sandbox stores
/// and custom ones (<c>cf_</c> api names) of the types Pipeliner's field editor offers, with their data sets.
/// </summary>
internal static class ContactFieldCatalog
{
    /// <summary>Standard Contact fields: api name, label, type.</summary>
    public static readonly (string ApiName, string Name, string Type)[] Standard =
    [
        ("title", "Title", "input"), ("first_name", "First Name", "input"), ("middle_name", "Middle Name", "input"),
        ("last_name", "Last Name", "input"), ("position", "Position", "input"), ("email1", "Email 1", "input"),
        ("email2", "Email 2", "input"), ("email3", "Email 3", "input"), ("email4", "Email 4", "input"), ("email5", "Email 5", "input"),
        ("phone1", "Phone 1", "input"), ("phone2", "Phone 2", "input"), ("phone3", "Phone 3", "input"), ("phone4", "Phone 4", "input"),
        ("phone5", "Phone 5", "input"), ("address", "Address", "input"), ("city", "City", "input"), ("state_province", "State / Province", "input"),
        ("zip_code", "ZIP Code", "input"), ("country", "Country", "input"), ("comments", "Comments", "text_area"),
        ("quick_account_name", "Account Name", "input"), ("owner_id", "Owner", "lookup"), ("unit_id", "Sales Unit", "lookup"),
        ("is_unsubscribed", "Unsubscribed", "checkbox"), ("tags", "Tags", "tags"),
    ];

    /// <summary>Custom Contact fields: api name, label, type, options of a data set.</summary>
    public static readonly (string ApiName, string Name, string Type, string[] Options)[] Custom =
    [
        ("cf_birthday", "Birthday", "date", []),
        ("cf_nickname", "Nickname", "input", []),
        ("cf_background", "Background", "text_area", []),
        ("cf_industry", "Industry", "dropdown", ["Software", "Retail", "Manufacturing"]),
        ("cf_preferred_channel", "Preferred channel", "radio", ["Email", "Phone"]),
        ("cf_newsletters", "Newsletters", "multiselect_checkbox", ["Product news", "Events", "Offers"]),
        ("cf_vip", "VIP", "checkbox", []),
        ("cf_budget", "Budget", "currency", []),
        ("cf_headcount", "Headcount", "integer", []),
        ("cf_last_meeting", "Last meeting", "datetime", []),
    ];

    /// <summary>The id of a data-set option, by field and option label.</summary>
    public static string OptionId(string apiName, string option) => FieldIds.Of(apiName + "/" + option);

    public static (string ApiName, string Name, string Type, string[] Options)? FindCustom(string apiName) =>
        Custom.Where(c => c.ApiName == apiName).Select(c => ((string, string, string, string[])?)c).FirstOrDefault();

    /// <summary>Every field as the Fields entity shows it.</summary>
    public static IEnumerable<JsonObject> Entities(string created) =>
        Standard.Select(s => Entity(s.ApiName, s.Name, s.Type, [], created, s.ApiName is "last_name" or "owner_id"))
            .Concat(Custom.Select(c => Entity(c.ApiName, c.Name, c.Type, c.Options, created, required: false)));

    private static JsonObject Entity(string apiName, string name, string type, string[] options, string created, bool required) => new()
    {
        ["id"] = FieldIds.Of("Contact." + apiName),
        ["is_deleted"] = false,
        ["is_delete_protected"] = !apiName.StartsWith("cf_", StringComparison.Ordinal),
        ["created"] = created,
        ["modified"] = created,
        ["entity_name"] = "Contact",
        ["api_name"] = apiName,
        ["name"] = name,
        ["column_name"] = apiName,
        ["type_id"] = type,
        ["system_required"] = required,
        ["system_readonly"] = false,
        ["is_published"] = true,
        ["data_set"] = new JsonArray(options.Select((o, i) => (JsonNode)new JsonObject
        {
            ["id"] = OptionId(apiName, o),
            ["option_name"] = o,
            ["sort_order"] = i,
        }).ToArray()),
    };
}
