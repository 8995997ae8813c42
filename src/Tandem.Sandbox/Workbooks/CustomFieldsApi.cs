using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Workbooks;

/// <summary>
/// <c>admin/custom_fields.api</c> as the client library's <c>php/custom_field_example.php</c> uses it to add fields to
/// people: a square-array create with <c>title</c>, <c>resource_type</c> (<c>Private::Crm::Person</c>) and
/// <c>data_type</c>; the answer's <c>affected_objects</c> give each field's <c>id</c>, <c>status</c> and
/// <c>value_column_name</c> (the <c>cf_</c> column). The sandbox makes a field available at once (Workbooks may take a
/// while: the example waits for the status "Available"). Picklist fields (they need a picklist), other record types,
/// reads, updates and deletes of custom fields are not simulated.
/// </summary>
internal sealed class CustomFieldsApi
{
    /// <summary>The data types the sandbox creates (boolean, decimal and percentage are the example's; string, text and date **unverified**).</summary>
    private static readonly HashSet<string> DataTypes = new(StringComparer.Ordinal) { "string", "text", "boolean", "decimal", "percentage", "date" };

    private readonly PersonFieldCatalog catalog;
    private int nextId = 501;

    public CustomFieldsApi(PersonFieldCatalog catalog)
    {
        this.catalog = catalog;
    }

    public JsonObject Answer(WorkbooksParameters parameters)
    {
        if (parameters.Method != "PUT")
        {
            throw new WorkbooksApiException(405, "method_not_allowed", "The sandbox only creates custom fields.");
        }

        var methods = parameters.Array("__method");
        var titles = parameters.Array("title");
        var types = parameters.Array("data_type");
        var resources = parameters.Array("resource_type");
        if (methods.Count == 0 || titles.Count != methods.Count || types.Count != methods.Count || resources.Count != methods.Count || methods.Any(m => m != "POST"))
        {
            throw new WorkbooksApiException(406, "not_square", "Every custom field needs __method[]=POST, title[], resource_type[] and data_type[].");
        }

        var affected = new JsonArray();
        var information = new JsonArray();
        var allSucceeded = true;
        for (var i = 0; i < methods.Count; i++)
        {
            var error = resources[i] != PersonFieldCatalog.ClassName ? ("resource_type", "The sandbox adds custom fields to people only.")
                : !DataTypes.Contains(types[i]) ? ("data_type", $"Data type '{types[i]}' is not included in the list.")
                : titles[i].Trim().Length == 0 ? ("title", "Title can't be blank")
                : catalog.Fields.Any(f => f.IsCustom && string.Equals(f.Title, titles[i].Trim(), StringComparison.OrdinalIgnoreCase)) ? ("title", "Title has already been taken")
                : default((string Field, string Message)?);
            if (error is { } refused)
            {
                allSucceeded = false;
                affected.Add(new JsonObject { ["id"] = 0, ["lock_version"] = 0 });
                information.Add(new JsonObject { ["success"] = false, ["errors"] = new JsonObject { [refused.Field] = new JsonArray(refused.Message) }, ["warnings"] = new JsonObject() });
                continue;
            }

            var field = catalog.AddCustom(titles[i].Trim(), types[i]);
            affected.Add(new JsonObject
            {
                ["id"] = Interlocked.Increment(ref nextId),
                ["lock_version"] = 0,
                ["title"] = field.Title,
                ["resource_type"] = PersonFieldCatalog.ClassName,
                ["data_type"] = field.Datatype,
                ["value_column_name"] = field.Name,
                ["status"] = "Available",
            });
            information.Add(new JsonObject { ["success"] = true, ["errors"] = new JsonObject(), ["warnings"] = new JsonObject() });
        }

        return new JsonObject
        {
            ["success"] = allSucceeded,
            ["affected_objects"] = affected,
            ["affected_object_information"] = information,
            ["flash"] = allSucceeded ? "Updated successfully" : string.Empty,
            ["updates"] = new JsonObject(),
        };
    }
}
