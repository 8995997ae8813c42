using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tandem.Sandbox.Kit.Faults;
using Tandem.Sandbox.Kit.Routing;

namespace Tandem.Sandbox.HubSpot;

/// <summary>HubSpot's API paths (api.hubapi.com) as route groups, each through the fault pipeline, answering HubSpot's JSON.</summary>
internal sealed class HubSpotSandboxRoutes(
    ContactEndpoints contacts,
    SearchEndpoint search,
    PropertyCatalog properties,
    ListEndpoints lists,
    PreferenceEndpoints preferences,
    WebhookSettings webhooks,
    HubSpotSandboxOptions options,
    TimeProvider time)
{
    private static readonly string[] RateHeaders =
        ["X-HubSpot-RateLimit-Max", "X-HubSpot-RateLimit-Remaining", "X-HubSpot-RateLimit-Interval-Milliseconds", "X-HubSpot-RateLimit-Daily", "X-HubSpot-RateLimit-Daily-Remaining"];

    public void Map(IEndpointRouteBuilder endpoints, FaultPipeline pipeline)
    {
        var crm = endpoints.MapGroup("/crm/v3");
        crm.AddEndpointFilter(pipeline);
        crm.MapGet("objects/contacts", (HttpContext c) => Ok(contacts.List(c.Request.Query)));
        crm.MapPost("objects/contacts", async Task<IResult> (HttpContext c) => Answer(201, contacts.Create(await ObjectAsync(c).ConfigureAwait(false))));
        crm.MapPost("objects/contacts/batch/read", async Task<IResult> (HttpContext c) => Answer(contacts.BatchRead(await ObjectAsync(c).ConfigureAwait(false), c.Request.Query))).WithMetadata(ReadOnlyEndpoint.Instance);
        crm.MapPost("objects/contacts/batch/create", async Task<IResult> (HttpContext c) => Answer(contacts.BatchCreate(await ObjectAsync(c).ConfigureAwait(false))));
        crm.MapPost("objects/contacts/batch/update", async Task<IResult> (HttpContext c) => Answer(contacts.BatchUpdate(await ObjectAsync(c).ConfigureAwait(false))));
        crm.MapPost("objects/contacts/batch/archive", async Task<IResult> (HttpContext c) =>
        {
            contacts.BatchArchive(await ObjectAsync(c).ConfigureAwait(false));
            return Results.NoContent();
        });
        crm.MapPost("objects/contacts/search", async Task<IResult> (HttpContext c) =>
        {
            var body = await ObjectAsync(c).ConfigureAwait(false);

            // Search answers carry none of the standard limit headers (HubSpot's search guide).
            foreach (var header in RateHeaders)
            {
                c.Response.Headers.Remove(header);
            }

            return Ok(search.Search(body));
        }).WithMetadata(ReadOnlyEndpoint.Instance);
        crm.MapPost("objects/contacts/merge", async Task<IResult> (HttpContext c) => Ok(contacts.Merge(await ObjectAsync(c).ConfigureAwait(false))));
        crm.MapGet("objects/contacts/{contactId}", (HttpContext c, string contactId) => Ok(contacts.Get(contactId, c.Request.Query)));
        crm.MapPatch("objects/contacts/{contactId}", async Task<IResult> (HttpContext c, string contactId) => Ok(contacts.Update(contactId, await ObjectAsync(c).ConfigureAwait(false), c.Request.Query)));
        crm.MapDelete("objects/contacts/{contactId}", (string contactId) =>
        {
            contacts.Archive(contactId);
            return Results.NoContent();
        });

        crm.MapGet("properties/{objectType}", (string objectType) => Ok(new JsonObject
        {
            ["results"] = new JsonArray([.. ContactsOnly(objectType, properties).All().Select(p => (JsonNode)p.Render())]),
        }));
        crm.MapPost("properties/{objectType}", async Task<IResult> (HttpContext c, string objectType) =>
            Answer(201, ContactsOnly(objectType, properties).Create(await ObjectAsync(c).ConfigureAwait(false)).Render()));
        crm.MapGet("properties/{objectType}/{propertyName}", (string objectType, string propertyName) =>
            Ok((ContactsOnly(objectType, properties).Find(propertyName) ?? throw HubSpotApiException.NotFound($"Unable to find property {propertyName}")).Render()));

        crm.MapGet("owners", (HttpContext c) => Ok(Owners(c.Request.Query)));

        crm.MapPost("lists", async Task<IResult> (HttpContext c) => Ok(lists.Create(await ObjectAsync(c).ConfigureAwait(false))));
        crm.MapPost("lists/search", async Task<IResult> (HttpContext c) => Ok(lists.Search(await ObjectAsync(c).ConfigureAwait(false)))).WithMetadata(ReadOnlyEndpoint.Instance);
        crm.MapPost("lists/records/memberships/batch/read", async Task<IResult> (HttpContext c) => Ok(lists.Memberships(await ObjectAsync(c).ConfigureAwait(false)))).WithMetadata(ReadOnlyEndpoint.Instance);
        crm.MapPut("lists/{listId}/memberships/add", async Task<IResult> (HttpContext c, string listId) => Ok(lists.Add(listId, await ArrayAsync(c).ConfigureAwait(false))));
        crm.MapPut("lists/{listId}/memberships/remove", async Task<IResult> (HttpContext c, string listId) => Ok(lists.Remove(listId, await ArrayAsync(c).ConfigureAwait(false))));
        crm.Map("{**rest}", IResult () => throw HubSpotApiException.NotFound());

        var hooks = endpoints.MapGroup("/webhooks/v3/{appId}");
        hooks.AddEndpointFilter(pipeline);
        hooks.MapGet("settings", (string appId) => Ok(OurApp(appId).Settings()));
        hooks.MapPut("settings", async Task<IResult> (HttpContext c, string appId) => Ok(OurApp(appId).Save(await ObjectAsync(c).ConfigureAwait(false))));
        hooks.MapGet("subscriptions", (string appId) => Ok(OurApp(appId).List()));
        hooks.MapPost("subscriptions", async Task<IResult> (HttpContext c, string appId) => Answer(201, OurApp(appId).Subscribe(await ObjectAsync(c).ConfigureAwait(false))));

        var communication = endpoints.MapGroup("/communication-preferences/v3");
        communication.AddEndpointFilter(pipeline);
        communication.MapGet("definitions", () => Ok(PreferenceEndpoints.Definitions(time.GetUtcNow().AddYears(-2))));
        communication.MapGet("status/email/{emailAddress}", (string emailAddress) => Ok(preferences.Status(emailAddress)));
        communication.MapPost("unsubscribe", async Task<IResult> (HttpContext c) => Ok(preferences.Unsubscribe(await ObjectAsync(c).ConfigureAwait(false))));
        communication.MapPost("subscribe", async Task<IResult> (HttpContext c) => Ok(preferences.Subscribe(await ObjectAsync(c).ConfigureAwait(false))));
        communication.Map("{**rest}", IResult () => throw HubSpotApiException.NotFound());
    }

    private WebhookSettings OurApp(string appId) =>
        appId == options.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture) ? webhooks : throw HubSpotApiException.NotFound($"App {appId} not found");

    private static PropertyCatalog ContactsOnly(string objectType, PropertyCatalog catalog) =>
        objectType is "contacts" or "contact" or "0-1" ? catalog : throw HubSpotApiException.NotFound($"Unable to infer object type from: {objectType}");

    private JsonObject Owners(IQueryCollection query)
    {
        var email = query["email"].FirstOrDefault();
        var at = HubSpotValues.Stamp(time.GetUtcNow().AddYears(-2));
        return new JsonObject
        {
            ["results"] = new JsonArray([.. HubSpotDemoData.Owners.Where(o => email is null || string.Equals(o.Email, email, StringComparison.OrdinalIgnoreCase)).Select(o => (JsonNode)new JsonObject
            {
                ["id"] = o.Id,
                ["email"] = o.Email,
                ["firstName"] = o.FirstName,
                ["lastName"] = o.LastName,
                ["type"] = "PERSON",
                ["archived"] = false,
                ["createdAt"] = at,
                ["updatedAt"] = at,
            })]),
        };
    }

    private static JsonAnswer Ok(JsonObject body) => Answer(200, body);

    private static JsonAnswer Answer(int status, JsonObject body) => new(status, body, HubSpotErrors.ContentType);

    private static JsonAnswer Answer((int Status, JsonObject Body) answer) => Answer(answer.Status, answer.Body);

    private static async Task<JsonObject> ObjectAsync(HttpContext context) =>
        await BodyAsync(context).ConfigureAwait(false) as JsonObject ?? throw HubSpotApiException.Invalid("Invalid input JSON: expected an object.");

    private static async Task<JsonArray> ArrayAsync(HttpContext context) =>
        await BodyAsync(context).ConfigureAwait(false) as JsonArray ?? throw HubSpotApiException.Invalid("Invalid input JSON: expected an array of record ids.");

    private static async Task<JsonNode?> BodyAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw HubSpotApiException.Invalid("Invalid input JSON on line 1: " + ex.Message);
        }
    }
}
