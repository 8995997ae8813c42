using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.HubSpot;

/// <summary>
/// <c>/crm/v3/objects/contacts</c> (contacts.v3.json): list with <c>after</c> paging (and <c>archived=true</c>), read by id
/// or by email (<c>idProperty=email</c>), create, update, archive, merge, and the batch endpoints (≤ 100 inputs): read,
/// create, update, archive, answering 207 with <c>errors[]</c> when some inputs fail and the others are done.
/// </summary>
internal sealed class ContactEndpoints(ContactStore store, ContactInput input)
{
    public const int BatchLimit = 100;
    private const int MaxPageSize = 100;

    public JsonObject List(IQueryCollection query)
    {
        var limit = Math.Clamp(int.TryParse(query["limit"], out var l) ? l : 10, 1, MaxPageSize);
        var after = ContactInput.Id(query["after"].FirstOrDefault()) ?? 0;
        var archived = string.Equals(query["archived"], "true", StringComparison.OrdinalIgnoreCase);
        var names = ContactInput.Names(query["properties"].FirstOrDefault());
        var (items, next) = store.Page(after, limit, archived);
        var page = new JsonObject { ["results"] = new JsonArray([.. items.Select(c => (JsonNode)ContactStore.Render(c, names))]) };
        if (next is { } n)
        {
            page["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = ContactStore.Id(n), ["link"] = "?after=" + ContactStore.Id(n) } };
        }

        return page;
    }

    public JsonObject Get(string contactId, IQueryCollection query)
    {
        var names = ContactInput.Names(query["properties"].FirstOrDefault());
        var archived = string.Equals(query["archived"], "true", StringComparison.OrdinalIgnoreCase);
        var contact = query["idProperty"].FirstOrDefault() == "email"
            ? store.ByEmail(contactId)
            : ContactInput.Id(contactId) is { } id ? archived ? store.Archived(id) : store.Live(id) : null;
        return ContactStore.Render(contact ?? throw HubSpotApiException.NotFound(), names);
    }

    public JsonObject Create(JsonObject body) => ContactStore.Render(store.Create(input.Read(body)), null);

    public JsonObject Update(string contactId, JsonObject body, IQueryCollection query)
    {
        var id = query["idProperty"].FirstOrDefault() == "email" ? store.ByEmail(contactId)?.Id : ContactInput.Id(contactId);
        return ContactStore.Render(store.Update(id ?? throw HubSpotApiException.NotFound(), input.Read(body)), null);
    }

    public void Archive(string contactId) => store.Archive(ContactInput.Id(contactId) ?? -1);

    public JsonObject Merge(JsonObject body)
    {
        var primary = ContactInput.Id(body["primaryObjectId"]?.GetValue<string>()) ?? throw HubSpotApiException.Invalid("primaryObjectId is required.");
        var secondary = ContactInput.Id(body["objectIdToMerge"]?.GetValue<string>()) ?? throw HubSpotApiException.Invalid("objectIdToMerge is required.");
        return ContactStore.Render(store.Merge(primary, secondary), null);
    }

    public (int Status, JsonObject Body) BatchRead(JsonObject body, IQueryCollection query)
    {
        var inputs = Inputs(body);
        var names = ContactInput.Names(body["properties"]);
        var byEmail = body["idProperty"]?.GetValue<string>() == "email";
        var archived = string.Equals(query["archived"], "true", StringComparison.OrdinalIgnoreCase);
        var results = new JsonArray();
        var missing = new List<string>();
        foreach (var key in inputs.Select(i => i["id"]?.GetValue<string>() ?? string.Empty).Distinct(StringComparer.Ordinal))
        {
            var contact = byEmail ? store.ByEmail(key) : ContactInput.Id(key) is { } id ? archived ? store.Archived(id) : store.Live(id) : null;
            if (contact is null)
            {
                missing.Add(key);
            }
            else
            {
                results.Add(ContactStore.Render(contact, names));
            }
        }

        var errors = missing.Count == 0 ? [] : new[]
        {
            new HubSpotApiException(404, "OBJECT_NOT_FOUND", "Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.")
            {
                Context = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["ids"] = missing },
            },
        };
        return Batch(results, errors, 200);
    }

    public (int Status, JsonObject Body) BatchCreate(JsonObject body)
    {
        var results = new JsonArray();
        var errors = new List<HubSpotApiException>();
        foreach (var item in Inputs(body))
        {
            var trace = item["objectWriteTraceId"]?.GetValue<string>();
            try
            {
                var rendered = ContactStore.Render(store.Create(input.Read(item)), null);
                if (trace is not null)
                {
                    rendered["objectWriteTraceId"] = trace;
                }

                results.Add(rendered);
            }
            catch (HubSpotApiException ex)
            {
                errors.Add(Traced(ex, trace is null ? [] : new() { ["objectWriteTraceId"] = [trace] }));
            }
        }

        return Batch(results, errors, 201);
    }

    public (int Status, JsonObject Body) BatchUpdate(JsonObject body)
    {
        var results = new JsonArray();
        var errors = new List<HubSpotApiException>();
        foreach (var item in Inputs(body))
        {
            var key = item["id"]?.GetValue<string>() ?? string.Empty;
            try
            {
                var id = item["idProperty"]?.GetValue<string>() == "email" ? store.ByEmail(key)?.Id : ContactInput.Id(key);
                results.Add(ContactStore.Render(store.Update(id ?? throw HubSpotApiException.NotFound(), input.Read(item)), null));
            }
            catch (HubSpotApiException ex)
            {
                errors.Add(Traced(ex, new() { ["ids"] = [key] }));
            }
        }

        return Batch(results, errors, 200);
    }

    public void BatchArchive(JsonObject body)
    {
        foreach (var key in Inputs(body).Select(i => i["id"]?.GetValue<string>()))
        {
            store.Archive(ContactInput.Id(key) ?? -1);
        }
    }

    private static List<JsonObject> Inputs(JsonObject body)
    {
        var inputs = (body["inputs"] as JsonArray ?? throw HubSpotApiException.Invalid("Invalid input JSON on line 1: inputs is required.")).OfType<JsonObject>().ToList();
        return inputs.Count <= BatchLimit ? inputs : throw HubSpotApiException.Invalid($"Batch input too large; limit is {BatchLimit}.");
    }

    private static HubSpotApiException Traced(HubSpotApiException error, Dictionary<string, IReadOnlyList<string>> context) =>
        new(error.Status, error.Category, error.Message) { Context = context };

    /// <summary>A batch answer: <paramref name="success"/> when every input was done, 207 with <c>errors</c> otherwise.</summary>
    private (int Status, JsonObject Body) Batch(JsonArray results, IReadOnlyList<HubSpotApiException> errors, int success)
    {
        var at = HubSpotValues.Stamp(store.Now);
        var answer = new JsonObject
        {
            ["status"] = "COMPLETE",
            ["results"] = results,
            ["startedAt"] = at,
            ["completedAt"] = at,
        };
        if (errors.Count == 0)
        {
            return (success, answer);
        }

        answer["numErrors"] = errors.Count;
        answer["errors"] = new JsonArray([.. errors.Select(e => (JsonNode)HubSpotErrors.BatchError(e))]);
        return (207, answer);
    }
}
