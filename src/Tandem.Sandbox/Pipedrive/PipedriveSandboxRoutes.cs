using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tandem.Sandbox.Kit.Faults;

namespace Tandem.Sandbox.Pipedrive;

/// <summary>
/// Pipedrive's API paths as route groups: <c>/api/v2</c>, and <c>/api/v1</c> with its alias <c>/v1</c>, each through the
/// fault pipeline and ending in the envelope's "Route not found".
/// </summary>
internal sealed class PipedriveSandboxRoutes
{
    private const string MarketingStatus = "marketing_status";

    private readonly PersonStore store;
    private readonly PersonFieldCatalog fields;
    private readonly PersonEndpoints persons;
    private readonly WebhookEndpoints webhooks;
    private readonly TimeProvider time;
    private readonly Func<bool> marketingApp;

    public PipedriveSandboxRoutes(PersonStore store, PersonFieldCatalog fields, WebhookEndpoints webhooks, TimeProvider time, Func<bool> marketingApp)
    {
        this.marketingApp = marketingApp;
        this.store = store;
        this.fields = fields;
        this.webhooks = webhooks;
        this.time = time;
        persons = new PersonEndpoints(store);
    }

    public void Map(IEndpointRouteBuilder routes, FaultPipeline faults)
    {
        MapV2(Api(routes, "/api/v2", faults));
        MapV1(Api(routes, "/api/v1", faults));
        MapV1(Api(routes, "/v1", faults));
    }

    /// <summary>v1 list pagination as the spec's examples show it (<c>additional_data.pagination</c>); no <c>next_start</c>: the next page starts at start + limit.</summary>
    public static JsonObject Pagination(int start, int limit, bool more) => new()
    {
        ["pagination"] = new JsonObject { ["start"] = start, ["limit"] = limit, ["more_items_in_collection"] = more },
    };

    private static RouteGroupBuilder Api(IEndpointRouteBuilder routes, string prefix, FaultPipeline faults)
    {
        var api = routes.MapGroup(prefix);
        api.AddEndpointFilter(faults);

        // Any other path under the prefix, any method: through the pipeline (counted, faulted) to the envelope's 404.
        api.Map("{**rest}", IResult () => throw PipedriveApiException.NotFound("Route"));
        return api;
    }

    private void MapV2(RouteGroupBuilder api)
    {
        api.MapGet("persons", (HttpContext c) =>
        {
            RefuseMarketing(c.Request.Query);
            var (list, more) = persons.List(c.Request.Query);
            return PipedriveAnswers.Ok(list, more);
        });
        api.MapGet("persons/search", (HttpContext c) =>
        {
            var (found, next) = persons.Search(c.Request.Query);
            return PipedriveAnswers.Ok(found, next);
        });
        api.MapPost("persons", async Task<IResult> (HttpContext c) => PipedriveAnswers.Ok(persons.Create(RefuseMarketing(await BodyAsync(c).ConfigureAwait(false)))));
        api.MapGet("persons/{id}", (HttpContext c, string id) => PipedriveAnswers.Ok(persons.Get(PersonId(id), RefuseMarketing(c.Request.Query))));
        api.MapPatch("persons/{id}", async (HttpContext c, string id) => PipedriveAnswers.Ok(persons.Patch(PersonId(id), RefuseMarketing(await BodyAsync(c).ConfigureAwait(false)))));
        api.MapGet("personFields", (HttpContext c) => PipedriveAnswers.Ok(
            new JsonArray(fields.Fields.Where(f => marketingApp() || f["key"]?.GetValue<string>() != MarketingStatus).Select(f => (JsonNode)PersonFieldCatalog.V2(f)).ToArray()),
            new JsonObject { ["next_cursor"] = null }));
        api.MapPost("personFields/{code}/options", async Task<IResult> (HttpContext c, string code) =>
            PipedriveAnswers.Ok(fields.AddOptions(code, await ArrayBodyAsync(c).ConfigureAwait(false))));
        api.MapDelete("persons/{id}", (string id) => PipedriveAnswers.Ok(persons.Delete(PersonId(id))));
        api.MapGet("organizations", () => PipedriveAnswers.Ok(
            new JsonArray(store.Organizations().Select(o => (JsonNode)new JsonObject { ["id"] = o.Id, ["name"] = o.Name }).ToArray()),
            new JsonObject { ["next_cursor"] = null }));
        api.MapPost("organizations", async Task<IResult> (HttpContext c) =>
        {
            var name = (await BodyAsync(c).ConfigureAwait(false))["name"]?.GetValue<string>() ?? throw PipedriveApiException.Invalid("Name must be given.");
            return PipedriveAnswers.Ok(new JsonObject { ["id"] = store.CreateOrganization(name), ["name"] = name });
        });
    }

    private void MapV1(RouteGroupBuilder api)
    {
        api.MapGet("personFields", () => PipedriveAnswers.Ok(
            new JsonArray(fields.Fields.Where(f => marketingApp() || f["key"]?.GetValue<string>() != MarketingStatus).Select(f => (JsonNode)f.DeepClone()).ToArray()),
            Pagination(0, fields.Fields.Count, more: false)));
        api.MapPost("personFields", async Task<IResult> (HttpContext c) =>
            PipedriveAnswers.Ok(fields.Add(await BodyAsync(c).ConfigureAwait(false), time.GetUtcNow(), PipedriveDemoData.Users[0].Id)));
        api.MapPut("persons/{id}/merge", async Task<IResult> (HttpContext c, string id) =>
        {
            var mergeWith = (await BodyAsync(c).ConfigureAwait(false))["merge_with_id"] is JsonValue value && value.TryGetValue<int>(out var n)
                ? n : throw PipedriveApiException.Invalid("merge_with_id must be given");
            return PipedriveAnswers.Ok(store.Merge(PersonId(id), mergeWith));
        });
        api.MapGet("recents", (HttpContext c) =>
        {
            var (recents, more) = RecentsEndpoint.List(store, c.Request.Query);
            return PipedriveAnswers.Ok(recents, more);
        });

        // v1 webhooks answer in their own shape ({success, status, data}, or errors), not the persons envelope.
        api.MapGet("webhooks", () => PipedriveAnswers.Whole(200, webhooks.List()));
        api.MapPost("webhooks", async Task<IResult> (HttpContext c) =>
        {
            var (status, webhook) = webhooks.Create(await BodyAsync(c).ConfigureAwait(false));
            return PipedriveAnswers.Whole(status, webhook);
        });
        api.MapDelete("webhooks/{id}", (string id) => PipedriveAnswers.Whole(200, webhooks.Delete(Number(id) ?? throw PipedriveApiException.NotFound("Route"))));
        api.MapGet("users", () => PipedriveAnswers.Ok(new JsonArray(PipedriveDemoData.Users
            .Select(u => (JsonNode)new JsonObject { ["id"] = u.Id, ["name"] = u.Name, ["active_flag"] = true }).ToArray())));
    }

    /// <summary>
    /// Without the Campaigns (marketing) app a company's persons have no <c>marketing_status</c>: asking for it or setting
    /// it is refused (the spec: "only allowed when the company has the Campaigns app"; the refusal's words are unverified).
    /// </summary>
    private IQueryCollection RefuseMarketing(IQueryCollection query)
    {
        if (!marketingApp() && (query["include_fields"].FirstOrDefault() ?? string.Empty).Split(',').Contains(MarketingStatus, StringComparer.Ordinal))
        {
            throw PipedriveApiException.Invalid("include_fields: 'marketing_status' is only available with the Campaigns app");
        }

        return query;
    }

    private JsonObject RefuseMarketing(JsonObject body)
    {
        if (!marketingApp() && body.ContainsKey(MarketingStatus))
        {
            throw PipedriveApiException.Invalid("marketing_status is only available with the Campaigns app");
        }

        return body;
    }

    /// <summary>A person id in the path; anything but digits is an unknown route, as before any person is looked up.</summary>
    private static int PersonId(string segment) => Number(segment) ?? throw PipedriveApiException.NotFound("Route");

    private static int? Number(string segment) =>
        int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static async Task<JsonNode?> ArrayBodyAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            throw PipedriveApiException.Invalid("Request body is not valid JSON");
        }
    }

    private static async Task<JsonObject> BodyAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject
                ?? throw PipedriveApiException.Invalid("Request body must be a JSON object");
        }
        catch (JsonException)
        {
            throw PipedriveApiException.Invalid("Request body is not valid JSON");
        }
    }
}
