using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Workbooks;

/// <summary>
/// <c>crm/organisations.api</c> as far as people need it (client library <c>php/lead_task_example.php</c> creates an
/// organisation and then a person whose <c>employer_link</c> is its id): a read filtered by <c>id</c> or <c>name</c>
/// with <c>eq</c> (a comma list is an IN, "\," a comma inside a name; names compare ignoring case, **unverified**), and
/// a square-array write that creates organisations (<c>__method[]=POST</c>, <c>id[]=0</c>, <c>lock_version[]=0</c>,
/// <c>name[]</c>, optional <c>created_through_reference[]</c>). Other filters, updates and deletes of organisations are
/// not simulated (406).
/// </summary>
internal sealed class OrganisationsApi
{
    private readonly PeopleStore people;
    private readonly OrganisationStore organisations;

    public OrganisationsApi(PeopleStore people, OrganisationStore organisations)
    {
        this.people = people;
        this.organisations = organisations;
    }

    public JsonObject Answer(WorkbooksParameters parameters) => parameters.Method switch
    {
        "GET" => Read(parameters),
        "PUT" => Create(parameters),
        _ => throw new WorkbooksApiException(405, "method_not_allowed", $"The resource does not allow the method {parameters.Method}."),
    };

    private JsonObject Read(WorkbooksParameters parameters)
    {
        var fields = parameters.Array("_ff");
        var ops = parameters.Array("_ft");
        var criteria = parameters.Array("_fc");
        if (fields.Count != ops.Count || fields.Count != criteria.Count || ops.Any(o => o != "eq") || fields.Any(f => f is not ("id" or "name")))
        {
            throw new WorkbooksApiException(406, "invalid_filter", "The sandbox filters organisations by id or name with eq only.");
        }

        lock (people.Gate)
        {
            var rows = organisations.RenderLocked()
                .Where(o => fields.Select((f, i) => Values(criteria[i]).Any(v => string.Equals(v, o[f]!.ToString(), StringComparison.OrdinalIgnoreCase))).All(m => m))
                .ToList();
            var start = int.TryParse(parameters.One("_start"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
            var limit = int.TryParse(parameters.One("_limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? Math.Min(l, PeopleWrites.MaxObjects) : PeopleWrites.MaxObjects;
            var page = new JsonArray([.. rows.Skip(start).Take(limit)]);
            return new JsonObject { ["success"] = true, ["total"] = rows.Count, ["data"] = page, ["flash"] = string.Empty, ["updates"] = new JsonObject() };
        }
    }

    private JsonObject Create(WorkbooksParameters parameters)
    {
        var methods = parameters.Array("__method");
        var names = parameters.Array("name");
        var references = parameters.Array("created_through_reference");
        if (methods.Count == 0 || methods.Count > PeopleWrites.MaxObjects || names.Count != methods.Count || parameters.Array("id").Count != methods.Count
            || (references.Count != 0 && references.Count != methods.Count))
        {
            throw new WorkbooksApiException(406, "not_square", "Every object must have the same set of fields (__method[], id[], lock_version[], name[]), at most 100 of them.");
        }

        if (methods.Any(m => !string.Equals(m, "POST", StringComparison.OrdinalIgnoreCase)))
        {
            throw new WorkbooksApiException(406, "not_simulated", "The sandbox only creates organisations.");
        }

        // One transaction unless _per_object_transactions is set, as for people (README "Changing Objects").
        var valid = names.Select(n => n.Trim()).Select(n => n.Length > 0 && n != PersonValues.NullValue && n != PersonValues.NoValue).ToList();
        var allSucceeded = valid.All(v => v);
        var save = allSucceeded || parameters.Flag("_per_object_transactions");
        var affected = new JsonArray();
        var information = new JsonArray();
        lock (people.Gate)
        {
            for (var i = 0; i < methods.Count; i++)
            {
                var reference = references.Count > 0 && references[i] != PersonValues.NoValue ? references[i] : null;
                affected.Add(valid[i] && save ? organisations.Render(organisations.AddLocked(names[i].Trim(), people.Now, reference)) : new JsonObject { ["id"] = 0, ["lock_version"] = 0 });
                information.Add(new JsonObject
                {
                    ["success"] = valid[i] && save,
                    ["errors"] = valid[i] ? new JsonObject() : new JsonObject { ["name"] = new JsonArray("Name can't be blank") },
                    ["warnings"] = new JsonObject(),
                });
            }
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

    private static IEnumerable<string> Values(string criterion) =>
        criterion.Replace("\\,", "\u0001", StringComparison.Ordinal).Split(',').Select(v => v.Replace('\u0001', ',').Trim());
}
