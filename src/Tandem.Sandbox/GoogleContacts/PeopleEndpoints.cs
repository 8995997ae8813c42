using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>The people.* methods other than the connections listing: get, batchGet, create, update, delete and their batches.</summary>
internal sealed class PeopleEndpoints
{
    private const int MaxBatch = 200;

    private readonly PeopleStore store;
    private readonly GoogleSandboxFaults faults;

    public PeopleEndpoints(PeopleStore store, GoogleSandboxFaults faults)
    {
        this.store = store;
        this.faults = faults;
    }

    public JsonObject Get(string resourceName, IQueryCollection query)
    {
        var mask = PersonFields.ParseMask(query["personFields"], PersonFields.Readable, "personFields");
        return store.Atomically(() => PersonShape.Render(store.Find(resourceName) ?? throw GoogleApiException.NotFound(), mask, store.PhotoOrigin, ReadSources.IncludeProfile(query["sources"])));
    }

    public JsonObject BatchGet(IQueryCollection query)
    {
        var mask = PersonFields.ParseMask(query["personFields"], PersonFields.Readable, "personFields");
        var names = query["resourceNames"].OfType<string>().ToList();
        if (names.Count is 0 or > MaxBatch)
        {
            throw GoogleApiException.Invalid("resourceNames must name between 1 and 200 people.");
        }

        var responses = store.Atomically(() => names.Select(name => (JsonNode)(store.Find(name) is { } contact
            ? new JsonObject { ["httpStatusCode"] = 200, ["person"] = PersonShape.Render(contact, mask, store.PhotoOrigin, ReadSources.IncludeProfile(query["sources"])), ["requestedResourceName"] = name }
            : new JsonObject
            {
                ["httpStatusCode"] = 404,
                ["requestedResourceName"] = name,
                ["status"] = new JsonObject { ["code"] = 5, ["message"] = "Requested entity was not found." },
            })).ToArray());
        return new JsonObject { ["responses"] = new JsonArray(responses) };
    }

    public JsonObject Create(JsonObject body, IQueryCollection query)
    {
        var mask = ReadMask(query["personFields"]);
        var fields = PersonShape.ReadInput(body);
        return store.Atomically(() => PersonShape.Render(store.Create(fields), mask, store.PhotoOrigin, ReadSources.IncludeProfile(query["sources"])));
    }

    public JsonObject Update(string resourceName, JsonObject body, IQueryCollection query)
    {
        var updateMask = PersonFields.ParseMask(query["updatePersonFields"], PersonFields.Writable, "updatePersonFields");
        var mask = ReadMask(query["personFields"]);
        var fields = PersonShape.ReadInput(body);
        var etag = PersonShape.ClaimedEtag(body);
        var stale = faults.TakeStaleVersion();
        return store.Atomically(() => PersonShape.Render(store.Update(resourceName, etag, fields, updateMask, stale), mask, store.PhotoOrigin, ReadSources.IncludeProfile(query["sources"])));
    }

    /// <summary>
    /// people.updateContactPhoto: <c>photoBytes</c> (base64) replaces the photo; no etag is asked for. The answer holds
    /// the person only when <c>personFields</c> names fields.
    /// </summary>
    public JsonObject UpdatePhoto(string resourceName, JsonObject body)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(body["photoBytes"]?.GetValue<string>() ?? throw GoogleApiException.Invalid("photoBytes is required."));
        }
        catch (FormatException)
        {
            throw GoogleApiException.Invalid("Invalid value at 'photo_bytes' (TYPE_BYTES), Base64 decoding failed.");
        }

        var fields = body["personFields"]?.GetValue<string>();
        var mask = string.IsNullOrEmpty(fields) ? null : PersonFields.ParseMask(fields, PersonFields.Readable, "personFields");
        return store.Atomically(() =>
        {
            var contact = store.SetPhoto(resourceName, bytes);
            return mask is null ? new JsonObject() : new JsonObject { ["person"] = PersonShape.Render(contact, mask, store.PhotoOrigin) };
        });
    }

    /// <summary>people.deleteContactPhoto: the contact goes back to Google's default picture.</summary>
    public JsonObject DeletePhoto(string resourceName, IQueryCollection query)
    {
        var fields = query["personFields"].ToString();
        var mask = string.IsNullOrEmpty(fields) ? null : PersonFields.ParseMask(fields, PersonFields.Readable, "personFields");
        return store.Atomically(() =>
        {
            var contact = store.SetPhoto(resourceName, null);
            return mask is null ? new JsonObject() : new JsonObject { ["person"] = PersonShape.Render(contact, mask, store.PhotoOrigin) };
        });
    }

    public JsonObject Delete(string resourceName)
    {
        store.Delete(resourceName);
        return new JsonObject();
    }

    public JsonObject BatchCreate(JsonObject body)
    {
        var mask = PersonFields.ParseMask(body["readMask"]?.GetValue<string>(), PersonFields.Readable, "readMask");
        var requested = body["contacts"] as JsonArray ?? [];
        if (requested.Count is 0 or > MaxBatch)
        {
            throw GoogleApiException.Invalid("contacts must hold between 1 and 200 contacts.");
        }

        // The whole batch is checked before anything is written: one bad contact fails the request.
        var inputs = requested.Select((c, i) => PersonShape.ReadInput(
            c?["contactPerson"] as JsonObject ?? throw GoogleApiException.Invalid($"contacts[{i}].contactPerson is required."),
            $"contacts[{i}].contact_person")).ToList();
        var created = store.Atomically(() => inputs.Select(f => (JsonNode)new JsonObject
        {
            ["person"] = PersonShape.Render(store.Create(f), mask, store.PhotoOrigin, ReadSources.IncludeProfile(body["sources"] as JsonArray)),
            ["httpStatusCode"] = 200,
        }).ToArray());
        return new JsonObject { ["createdPeople"] = new JsonArray(created) };
    }

    public JsonObject BatchUpdate(JsonObject body)
    {
        var updateMask = PersonFields.ParseMask(body["updateMask"]?.GetValue<string>(), PersonFields.Writable, "updateMask");
        var readMask = body["readMask"]?.GetValue<string>() is { Length: > 0 } rm ? PersonFields.ParseMask(rm, PersonFields.Readable, "readMask") : null;
        var requested = body["contacts"] as JsonObject ?? [];
        if (requested.Count is 0 or > MaxBatch)
        {
            throw GoogleApiException.Invalid("contacts must hold between 1 and 200 contacts.");
        }

        var inputs = requested.Select(p => (Name: p.Key, Person: p.Value as JsonObject ?? throw GoogleApiException.Invalid($"contacts[{p.Key}] must be a person.")))
            .Select(p => (p.Name, Fields: PersonShape.ReadInput(p.Person, $"contacts[{p.Name}]"), Etag: PersonShape.ClaimedEtag(p.Person), Stale: faults.TakeStaleVersion()))
            .ToList();
        return store.Atomically(() =>
        {
            // All or nothing, as Google does: check every contact and etag first.
            foreach (var input in inputs)
            {
                var contact = store.Find(input.Name) ?? throw GoogleApiException.NotFound();
                if (input.Stale)
                {
                    store.Update(input.Name, contact.Etag, new JsonObject(), new HashSet<string>(), changedElsewhere: false);
                }

                if (input.Etag != store.Find(input.Name)!.Etag)
                {
                    throw GoogleErrors.StaleEtag();
                }
            }

            var results = new JsonObject();
            foreach (var input in inputs)
            {
                var contact = store.Update(input.Name, input.Etag, input.Fields, updateMask, changedElsewhere: false);
                var result = new JsonObject { ["httpStatusCode"] = 200, ["requestedResourceName"] = input.Name };
                if (readMask is not null)
                {
                    result["person"] = PersonShape.Render(contact, readMask, store.PhotoOrigin, ReadSources.IncludeProfile(body["sources"] as JsonArray));
                }

                results[input.Name] = result;
            }

            return new JsonObject { ["updateResult"] = results };
        });
    }

    public JsonObject BatchDelete(JsonObject body)
    {
        var names = (body["resourceNames"] as JsonArray ?? []).Select(n => n?.GetValue<string>() ?? string.Empty).ToList();
        if (names.Count is 0 or > 500)
        {
            throw GoogleApiException.Invalid("resourceNames must name between 1 and 500 contacts.");
        }

        return store.Atomically(() =>
        {
            if (names.Any(n => store.Find(n) is null))
            {
                throw GoogleApiException.NotFound();
            }

            names.ForEach(store.Delete);
            return new JsonObject();
        });
    }

    private static HashSet<string> ReadMask(string? mask) =>
        string.IsNullOrEmpty(mask) ? ["names", "emailAddresses", "metadata"] : PersonFields.ParseMask(mask, PersonFields.Readable, "personFields");
}
