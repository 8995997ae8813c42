using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tandem.Sandbox.Kit.Faults;

namespace Tandem.Sandbox.Pipeliner;

/// <summary>
/// Pipeliner's REST v100 paths for one space, <c>/api/v100/rest/spaces/{space_id}/entities/…</c>: Contacts (list, get,
/// create, update, delete, <c>batch-modify</c>), Fields, Clients and SalesUnits, through the fault pipeline.
/// </summary>
internal sealed class ContactEndpoints
{
    /// <summary>Pipeliner's limit on entities per request (NOTES.md §7, the bulk documentation).</summary>
    public const int MaxBatch = 100;

    private readonly ContactStore store;
    private readonly PipelinerSandboxOptions options;
    private readonly TimeProvider time;
    private readonly PipelinerSandboxFaults faults;

    public ContactEndpoints(ContactStore store, PipelinerSandboxOptions options, TimeProvider time, PipelinerSandboxFaults faults)
    {
        this.store = store;
        this.options = options;
        this.time = time;
        this.faults = faults;
    }

    /// <summary>Maps the space's entity paths and returns their group (the space's other entities join it).</summary>
    public RouteGroupBuilder Map(IEndpointRouteBuilder routes, FaultPipeline faults)
    {
        var api = routes.MapGroup("/api/v100/rest/spaces/{spaceId}/entities");
        api.AddEndpointFilter(faults);
        api.AddEndpointFilter((context, next) =>
            context.HttpContext.Request.RouteValues["spaceId"] as string == options.SpaceId ? next(context) : throw PipelinerApiException.RouteNotFound());

        api.MapGet("Contacts", (HttpContext c) =>
        {
            var query = ContactQuery.Parse(c.Request.Query);
            var (page, more) = query.Run(store.Snapshot(query.IncludeDeleted));
            return this.faults.TakeMalformedPage()
                ? PipelinerAnswers.Ok(new JsonArray([.. page.Select(c => (JsonNode)c)]))
                : PipelinerAnswers.Page(page, more, query.CursorOf, query.After is not null);
        });
        api.MapGet("Contacts/{id}", (HttpContext c, string id) =>
            PipelinerAnswers.Ok(store.Get(id, IncludeDeleted(c)) ?? throw PipelinerApiException.EntityNotFound(id)));
        api.MapPost("Contacts/batch-modify", async Task<IResult> (HttpContext c) =>
            PipelinerAnswers.Ok(BatchModify(await BodyAsync(c).ConfigureAwait(false), c.Request.Query["rollback-method"].FirstOrDefault() == "1")));
        api.MapPost("Contacts", async Task<IResult> (HttpContext c) => PipelinerAnswers.Ok(Create(await ObjectAsync(c).ConfigureAwait(false), null)));
        api.MapPatch("Contacts/{id}", async Task<IResult> (HttpContext c, string id) => PipelinerAnswers.Ok(Update(id, await ObjectAsync(c).ConfigureAwait(false), null)));
        api.MapDelete("Contacts/{id}", (string id) => store.Delete(id) ? PipelinerAnswers.Ok(id) : throw PipelinerApiException.EntityNotFound(id));
        api.MapGet("Fields", () => Whole(ContactFieldCatalog.Entities(Created())));
        api.MapGet("Clients", () => Whole(PipelinerDemoData.Clients.Select(u => new JsonObject
        {
            ["id"] = u.Id, ["is_deleted"] = false, ["created"] = Created(), ["modified"] = Created(), ["first_name"] = u.First, ["last_name"] = u.Last,
            ["formatted_name"] = u.First + " " + u.Last, ["name"] = u.First + " " + u.Last, ["email"] = u.First.ToLowerInvariant() + "@sandbox.example",
            ["default_unit_id"] = PipelinerDemoData.SalesUnits[0].Id,
        })));
        api.MapGet("SalesUnits", () => Whole(PipelinerDemoData.SalesUnits.Select(u => new JsonObject
        {
            ["id"] = u.Id, ["is_deleted"] = false, ["created"] = Created(), ["modified"] = Created(), ["name"] = u.Name, ["revision"] = 1,
        })));
        api.Map("{**rest}", IResult () => throw PipelinerApiException.RouteNotFound());
        return api;
    }

    private static bool IncludeDeleted(HttpContext context) =>
        string.Equals(context.Request.Query["include-deleted"].FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The lists the sandbox keeps short (fields, users, units) come in one page.</summary>
    internal static IResult Whole(IEnumerable<JsonObject> items)
    {
        var list = items.ToList();
        return PipelinerAnswers.Page(list, more: false, i => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(i["id"]!.GetValue<string>())), hadPrevious: false);
    }

    private string Created() => ContactStore.Stamp(time.GetUtcNow().Date.AddDays(-30));

    private JsonObject Create(JsonObject body, int? index)
    {
        var errors = ContactValidation.Check(body, creating: true);
        return errors.Count > 0 ? throw PipelinerApiException.Validation(null, index, errors) : store.Create(body);
    }

    private JsonObject Update(string id, JsonObject body, int? index)
    {
        if (store.Get(id, includeDeleted: false) is null)
        {
            throw PipelinerApiException.EntityNotFound(id);
        }

        var errors = ContactValidation.Check(body, creating: false);
        return errors.Count > 0 ? throw PipelinerApiException.Validation(id, index, errors)
            : store.Update(id, body) ?? throw PipelinerApiException.EntityNotFound(id);
    }

    /// <summary>
    /// Objects with an <c>id</c> are updates, the others creates. With <c>rollback-method=0</c> (the default) one invalid
    /// object fails the request with its 422 and nothing is saved; with 1 the valid ones are saved and each invalid one's
    /// error takes its place in <c>data</c> (the shape of that answer is not documented: see the README).
    /// </summary>
    private JsonArray BatchModify(JsonNode body, bool saveValid)
    {
        var items = body as JsonArray ?? throw new PipelinerApiException("The body must be an array of entities.");
        if (items.Count > MaxBatch)
        {
            throw new PipelinerApiException($"At most {MaxBatch} entities may be sent in one request.");
        }

        var objects = items.Select(i => i as JsonObject ?? throw new PipelinerApiException("Every item must be an entity object.")).ToList();
        var problems = objects.Select((o, i) => Problem(o, i)).ToList();
        if (!saveValid && problems.FirstOrDefault(p => p is not null) is { } first)
        {
            throw first;
        }

        var answers = new JsonArray();
        for (var i = 0; i < objects.Count; i++)
        {
            if (problems[i] is { } problem)
            {
                answers.Add(problem.Body());
                continue;
            }

            try
            {
                answers.Add(objects[i]["id"] is JsonValue id ? Update(id.GetValue<string>(), WithoutId(objects[i]), i) : Create(objects[i], i));
            }
            catch (PipelinerApiException ex) when (saveValid)
            {
                answers.Add(ex.Body());
            }
        }

        return answers;
    }

    private PipelinerApiException? Problem(JsonObject item, int index)
    {
        if (item["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var id))
        {
            if (store.Get(id, includeDeleted: false) is null)
            {
                return new PipelinerApiException(404, 40400, "ERROR_ENTITY_NOT_FOUND", $"Entity Contact with id {id} doesn't exist!") { EntityId = id, EntityIndex = index };
            }

            var errors = ContactValidation.Check(WithoutId(item), creating: false);
            return errors.Count > 0 ? PipelinerApiException.Validation(id, index, errors) : null;
        }

        var created = ContactValidation.Check(item, creating: true);
        return created.Count > 0 ? PipelinerApiException.Validation(null, index, created) : null;
    }

    private static JsonObject WithoutId(JsonObject item)
    {
        var copy = (JsonObject)item.DeepClone();
        copy.Remove("id");
        return copy;
    }

    internal static async Task<JsonObject> ObjectAsync(HttpContext context) =>
        await BodyAsync(context).ConfigureAwait(false) as JsonObject ?? throw new PipelinerApiException("The body must be an entity object.");

    private static async Task<JsonNode> BodyAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false)
                ?? throw new PipelinerApiException("The body is empty.");
        }
        catch (JsonException ex)
        {
            throw new PipelinerApiException("The body is not valid JSON.", ex);
        }
    }
}
