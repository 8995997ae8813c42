using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tandem.Sandbox.Kit.Routing;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>
/// The API's paths under <c>/3.0</c> as minimal-API endpoints, each queueing the webhook events its writes raise. Auth,
/// limits, faults and problem documents are the kit's fault pipeline on the group (<see cref="MailchimpSandbox"/>).
/// </summary>
internal sealed class ApiRoutes
{
    private const string ContentType = "application/json; charset=utf-8";

    private readonly MemberEndpoints members;
    private readonly BatchEndpoint batch;
    private readonly ListEndpoints lists;
    private readonly InterestEndpoints groups;
    private readonly WebhookEndpoints webhooks;
    private readonly WebhookDispatcher dispatcher;
    private readonly MailchimpSandboxOptions options;

    public ApiRoutes(AudienceStore store, MemberEndpoints members, InterestEndpoints groups, WebhookDispatcher dispatcher, MailchimpSandboxOptions options)
    {
        this.members = members;
        this.groups = groups;
        this.dispatcher = dispatcher;
        this.options = options;
        batch = new BatchEndpoint(store, members);
        lists = new ListEndpoints(store);
        webhooks = new WebhookEndpoints(store, dispatcher);
    }

    /// <summary>Maps every API path on <paramref name="api"/> (the <c>/3.0</c> group), ending in the problem document's 404.</summary>
    public void Map(RouteGroupBuilder api)
    {
        api.MapGet("", () => Health());
        api.MapGet("ping", () => Health());
        api.MapGet("lists", (HttpContext c) => Answer(c, 200, lists.Lists(c.Request.Query)));
        api.MapGet("lists/{id}", (HttpContext c, string id) => Answer(c, 200, lists.List(id)));
        api.MapPost("lists/{id}", async (HttpContext c, string id) => Done(c, batch.Apply(id, await BodyAsync(c).ConfigureAwait(false), "api")));
        MapMembers(api);
        api.MapGet("lists/{id}/merge-fields", (HttpContext c, string id) => Answer(c, 200, lists.MergeFields(id, c.Request.Query)));
        api.MapPost("lists/{id}/merge-fields", async (HttpContext c, string id) =>
            Answer(c, 200, lists.AddMergeField(id, await BodyAsync(c).ConfigureAwait(false), options.MaxMergeFields)));
        MapGroups(api.MapGroup("lists/{id}/interest-categories"));
        api.MapGet("lists/{id}/webhooks", (HttpContext c, string id) => Answer(c, 200, webhooks.List(id)));
        api.MapPost("lists/{id}/webhooks", async (HttpContext c, string id) =>
            Answer(c, 200, await webhooks.AddAsync(id, await BodyAsync(c).ConfigureAwait(false), c.RequestAborted).ConfigureAwait(false)));
        api.MapGet("lists/{id}/webhooks/{webhookId}", (HttpContext c, string id, string webhookId) => Answer(c, 200, webhooks.Get(id, webhookId)));
        api.MapDelete("lists/{id}/webhooks/{webhookId}", (HttpContext c, string id, string webhookId) =>
        {
            webhooks.Delete(id, webhookId);
            return Answer(c, 204, null);
        });
        api.Map("{**rest}", IResult () => throw MailchimpApiException.NotFound());
    }

    private void MapMembers(RouteGroupBuilder api)
    {
        const string Member = "lists/{id}/members/{hash}";
        api.MapGet("lists/{id}/members", (HttpContext c, string id) => Answer(c, 200, members.List(id, c.Request.Query)));
        api.MapPost("lists/{id}/members", async (HttpContext c, string id) => Done(c, members.Create(id, await BodyAsync(c).ConfigureAwait(false), "api")));
        api.MapGet(Member, (HttpContext c, string id, string hash) => Answer(c, 200, members.Get(id, Hash(hash))));
        api.MapPut(Member, async (HttpContext c, string id, string hash) => Done(c, members.Upsert(id, Hash(hash), await BodyAsync(c).ConfigureAwait(false), "api")));
        api.MapPatch(Member, async (HttpContext c, string id, string hash) => Done(c, members.Patch(id, Hash(hash), await BodyAsync(c).ConfigureAwait(false), "api")));
        api.MapDelete(Member, (HttpContext c, string id, string hash) =>
        {
            dispatcher.Enqueue(members.Archive(id, Hash(hash), "api"));
            return Answer(c, 204, null);
        });
        api.MapGet(Member + "/tags", (HttpContext c, string id, string hash) => Answer(c, 200, members.Tags(id, Hash(hash))));
        api.MapPost(Member + "/tags", async (HttpContext c, string id, string hash) =>
        {
            dispatcher.Enqueue(members.SetTags(id, Hash(hash), await BodyAsync(c).ConfigureAwait(false)));
            return Answer(c, 204, null);
        });
        api.MapPost(Member + "/actions/delete-permanent", (HttpContext c, string id, string hash) =>
        {
            dispatcher.Enqueue(members.DeletePermanently(id, Hash(hash), "api"));
            return Answer(c, 204, null);
        });
    }

    /// <summary><c>/lists/{id}/interest-categories…</c>: categories, and the interests (group names) of each.</summary>
    private void MapGroups(RouteGroupBuilder categories)
    {
        const string Interest = "{category}/interests/{interest}";
        categories.MapGet("", (HttpContext c, string id) => Answer(c, 200, groups.Categories(id, c.Request.Query)));
        categories.MapPost("", async (HttpContext c, string id) => Answer(c, 200, groups.AddCategory(id, await BodyAsync(c).ConfigureAwait(false))));
        categories.MapGet("{category}", (HttpContext c, string id, string category) => Answer(c, 200, groups.Category(id, category)));
        categories.MapPatch("{category}", async (HttpContext c, string id, string category) =>
            Answer(c, 200, groups.UpdateCategory(id, category, await BodyAsync(c).ConfigureAwait(false))));
        categories.MapDelete("{category}", (HttpContext c, string id, string category) =>
        {
            groups.DeleteCategory(id, category);
            return Answer(c, 204, null);
        });
        categories.MapGet("{category}/interests", (HttpContext c, string id, string category) => Answer(c, 200, groups.Interests(id, category, c.Request.Query)));
        categories.MapPost("{category}/interests", async (HttpContext c, string id, string category) =>
            Answer(c, 200, groups.AddInterest(id, category, await BodyAsync(c).ConfigureAwait(false))));
        categories.MapGet(Interest, (HttpContext c, string id, string category, string interest) => Answer(c, 200, groups.Interest(id, category, interest)));
        categories.MapPatch(Interest, async (HttpContext c, string id, string category, string interest) =>
            Answer(c, 200, groups.UpdateInterest(id, category, interest, await BodyAsync(c).ConfigureAwait(false))));
        categories.MapDelete(Interest, (HttpContext c, string id, string category, string interest) =>
        {
            groups.DeleteInterest(id, category, interest);
            return Answer(c, 204, null);
        });
    }

    private static JsonAnswer Health() => new(200, new JsonObject { ["health_status"] = "Everything's Chimpy!" }, ContentType);

    /// <summary>An answer with <c>fields</c>/<c>exclude_fields</c> applied to its body, as Mailchimp does for every call.</summary>
    private static JsonAnswer Answer(HttpContext context, int status, JsonObject? body)
    {
        var query = context.Request.Query;
        return new JsonAnswer(status, body is null ? null : FieldsProjection.Apply(body, query["fields"].FirstOrDefault(), query["exclude_fields"].FirstOrDefault()), ContentType);
    }

    private JsonAnswer Done(HttpContext context, (JsonObject Body, List<WebhookEvent> Events) result)
    {
        dispatcher.Enqueue(result.Events);
        return Answer(context, 200, result.Body);
    }

    /// <summary>The API also accepts the member's email address (and its contact_id) where a subscriber hash is expected.</summary>
    public static string Hash(string segment)
    {
        var decoded = Uri.UnescapeDataString(segment);
        return decoded.Contains('@', StringComparison.Ordinal) ? AudienceStore.Hash(decoded) : decoded;
    }

    private static async Task<JsonObject> BodyAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject
                ?? throw MailchimpApiException.Invalid("The request body must be a JSON object.");
        }
        catch (JsonException)
        {
            throw new MailchimpApiException(400, "JSON Parse Exception", "We encountered an unspecified JSON parsing error.");
        }
    }
}
