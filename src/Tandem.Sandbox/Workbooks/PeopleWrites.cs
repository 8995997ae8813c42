using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Workbooks;

/// <summary>
/// <c>PUT /crm/people.api</c> (client library README, "Changing Objects"): a square array of at most 100 objects, each
/// with <c>__method[]</c> POST, PUT or DELETE, <c>id[]</c> and <c>lock_version[]</c> (0 and 0 to create), and the same
/// columns for every object (<c>:no_value:</c> leaves one unchanged, <c>:null_value:</c> empties it). Updated and
/// deleted objects must be in the working set the request's filter selects. The whole request is one transaction
/// unless <c>_per_object_transactions</c> is set; either way the answer is HTTP 200, with <c>success:false</c> and
/// each object's errors when any failed. A stale <c>lock_version</c> fails with "already been updated elsewhere".
/// </summary>
internal sealed class PeopleWrites
{
    public const int MaxObjects = 100;
    public const string StaleMessage = "This record cannot be saved since it has already been updated elsewhere.";

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "__method", "method", "id", "lock_version" };

    private readonly PeopleStore store;
    private readonly PersonFieldCatalog catalog;
    private readonly SandboxFaults faults;
    private readonly OrganisationStore organisations;

    public PeopleWrites(PeopleStore store, PersonFieldCatalog catalog, SandboxFaults faults, OrganisationStore organisations)
    {
        this.store = store;
        this.catalog = catalog;
        this.faults = faults;
        this.organisations = organisations;
    }

    public JsonObject Apply(WorkbooksParameters parameters, string createdThrough)
    {
        var methods = parameters.Array("__method") is { Count: > 0 } m ? m : parameters.Array("method");
        var ids = parameters.Array("id");
        var locks = parameters.Array("lock_version");
        var columns = parameters.Names.Where(n => n.EndsWith("[]", StringComparison.Ordinal) && !n.StartsWith('_')).Select(n => n[..^2]).Where(n => !Reserved.Contains(n)).ToList();
        if (methods.Count == 0)
        {
            throw new WorkbooksApiException(406, "no_objects", "No objects were given to change (__method[]).");
        }

        if (methods.Count > MaxObjects)
        {
            throw new WorkbooksApiException(406, "too_many_objects", $"No more than {MaxObjects} objects can be changed in one request.");
        }

        if (ids.Count != methods.Count || locks.Count != methods.Count || columns.Any(c => parameters.Array(c).Count != methods.Count))
        {
            throw new WorkbooksApiException(406, "not_square", "Every object must have the same set of fields (__method[], id[], lock_version[] and each column).");
        }

        var filter = PeopleFilter.Read(parameters, catalog);
        var strict = parameters.Flag("_strict_attribute_checking");
        var perObject = parameters.Flag("_per_object_transactions");
        var outcomes = new List<(bool Success, JsonObject Errors, JsonObject Affected, StoredPerson? Changed, bool Created)>();
        lock (store.Gate)
        {
            for (var i = 0; i < methods.Count; i++)
            {
                var values = columns.ToDictionary(c => c, c => parameters.Array(c)[i], StringComparer.Ordinal);
                outcomes.Add(ApplyOne(methods[i].ToUpperInvariant(), ids[i], locks[i], values, filter, strict));
            }

            var allSucceeded = outcomes.All(o => o.Success);
            if (perObject || allSucceeded)
            {
                foreach (var (success, _, affected, changed, created) in outcomes)
                {
                    if (success && changed is not null)
                    {
                        var stored = created ? store.AddLocked(changed.Columns, store.Now, createdThrough) : store.ReplaceLocked(changed);
                        Describe(affected, stored, created);
                    }
                }
            }

            return Answer(outcomes.Select(o => (o.Success && (perObject || allSucceeded), o.Errors, o.Affected)).ToList(), allSucceeded);
        }
    }

    private (bool Success, JsonObject Errors, JsonObject Affected, StoredPerson? Changed, bool Created) ApplyOne(
        string method, string id, string lockVersion, Dictionary<string, string> values, PeopleFilter filter, bool strict)
    {
        var errors = new JsonObject();
        var affected = new JsonObject { ["id"] = Int(id), ["lock_version"] = Int(lockVersion) };
        if (method == "POST")
        {
            if (Int(id) != 0 || Int(lockVersion) != 0)
            {
                return Failed(errors, affected, "id", "Neither id nor lock_version can be set to create an object.");
            }

            var created = new StoredPerson { Id = 0, Columns = [] };
            Write(created, values, strict, errors, creating: true);
            RequireName(created, errors);
            return errors.Count == 0 ? (true, errors, affected, created, true) : (false, errors, affected, null, false);
        }

        if (method is not ("PUT" or "DELETE"))
        {
            return Failed(errors, affected, "__method", $"Unexpected method '{method}'.");
        }

        var current = Int(id) is { } number ? store.FindLocked(number) : null;
        if (current is null || !filter.Matches(current))
        {
            return Failed(errors, affected, "id", "The record could not be found.");
        }

        if (method == "PUT" && faults.TakeStaleVersion())
        {
            // Someone else saved the record just before this request.
            current = store.ReplaceLocked(current.Copy());
        }

        if (Int(lockVersion) != current.LockVersion)
        {
            return Failed(errors, affected, "base", StaleMessage);
        }

        var changed = current.Copy();
        if (method == "DELETE")
        {
            changed.IsDeleted = true;
            return (true, errors, affected, changed, false);
        }

        Write(changed, values, strict, errors, creating: false);
        RequireName(changed, errors);
        if (errors.Count > 0)
        {
            return (false, errors, affected, null, false);
        }

        // The answer carries the columns the request changed (README, "Affected objects").
        foreach (var column in values.Keys.Where(c => !JsonNode.DeepEquals(current.Columns[c], changed.Columns[c])))
        {
            affected[column] = changed.Columns[column]?.DeepClone();
        }

        return (true, errors, affected, changed, false);
    }

    private void Write(StoredPerson person, Dictionary<string, string> values, bool strict, JsonObject errors, bool creating)
    {
        foreach (var (column, raw) in values)
        {
            if (raw == PersonValues.NoValue)
            {
                continue;
            }

            var field = catalog.Find(column);
            if (field is null || !(creating ? field.IsCreateable : field.IsUpdateable))
            {
                if (strict)
                {
                    AddError(errors, column, $"'{column}' is not a recognised attribute.");
                }

                continue;
            }

            var (value, error) = PersonValues.Parse(field, raw, catalog);
            if (error is not null)
            {
                AddError(errors, column, error);
            }
            else
            {
                person.Columns[column] = value;
            }
        }

        LinkEmployer(person, values, errors);
    }

    /// <summary>
    /// A person's employer is an organisation (<c>employer_link</c>, its id); the employer's name shown with the person
    /// follows the link (**unverified**: that Workbooks fills <c>employer_name</c> from the linked organisation).
    /// </summary>
    private void LinkEmployer(StoredPerson person, Dictionary<string, string> values, JsonObject errors)
    {
        if (!values.TryGetValue("employer_link", out var raw) || raw == PersonValues.NoValue)
        {
            return;
        }

        if (raw == PersonValues.NullValue)
        {
            person.Columns.Remove("employer_name");
            return;
        }

        if (Int(raw) is not { } id || organisations.NameLocked(id) is not { } name)
        {
            person.Columns.Remove("employer_link");
            AddError(errors, "employer_link", "Employer could not be found.");
            return;
        }

        person.Columns["employer_name"] = name;
    }

    private static void RequireName(StoredPerson person, JsonObject errors)
    {
        if (person.Name.Length == 0)
        {
            AddError(errors, "name", "Name can't be blank");
        }
    }

    private void Describe(JsonObject affected, StoredPerson stored, bool created)
    {
        if (created)
        {
            foreach (var (key, value) in stored.Render(catalog))
            {
                affected[key] = value?.DeepClone();
            }

            return;
        }

        affected["id"] = stored.Id;
        affected["lock_version"] = stored.LockVersion;
        affected["updated_at"] = WorkbooksFormats.DateTime(stored.UpdatedAt);
        affected["updated_by"] = 1;
        if (stored.IsDeleted)
        {
            affected["is_deleted"] = true;
        }
    }

    private static JsonObject Answer(List<(bool Success, JsonObject Errors, JsonObject Affected)> outcomes, bool allSucceeded)
    {
        var answer = new JsonObject
        {
            ["success"] = allSucceeded,
            ["affected_objects"] = new JsonArray(outcomes.Select(o => (JsonNode)o.Affected).ToArray()),
            ["affected_object_information"] = new JsonArray(outcomes.Select(o => (JsonNode)new JsonObject
            {
                ["success"] = o.Success,
                ["errors"] = o.Errors.DeepClone(),
                ["warnings"] = new JsonObject(),
            }).ToArray()),
            ["flash"] = allSucceeded ? "Updated successfully" : string.Empty,
            ["updates"] = new JsonObject(),
        };
        if (!allSucceeded)
        {
            answer["affected_object_errors"] = new JsonArray(outcomes.Select(o => (JsonNode)o.Errors.DeepClone()).ToArray());
            var errors = new JsonObject();
            for (var i = 0; i < outcomes.Count; i++)
            {
                if (outcomes[i].Errors.Count > 0)
                {
                    errors[$"[{i}]"] = new JsonObject(outcomes[i].Errors.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)JsonValue.Create(((JsonArray)e.Value!)[0]!.GetValue<string>()))));
                }
            }

            answer["errors"] = errors;
        }

        return answer;
    }

    private static (bool, JsonObject, JsonObject, StoredPerson?, bool) Failed(JsonObject errors, JsonObject affected, string field, string message)
    {
        AddError(errors, field, message);
        return (false, errors, affected, null, false);
    }

    private static void AddError(JsonObject errors, string field, string message)
    {
        if (errors[field] is not JsonArray list)
        {
            list = [];
            errors[field] = list;
        }

        list.Add(message);
    }

    private static int? Int(string text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
