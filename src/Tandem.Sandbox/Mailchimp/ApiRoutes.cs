using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>
/// Maps a request under <c>/3.0/</c> to the endpoint that serves it and queues the webhook events its writes raise. Auth,
/// limits, faults and problem documents are the sandbox's (<see cref="MailchimpSandbox"/>).
/// </summary>
internal sealed class ApiRoutes
{
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

    public async Task<(int Status, JsonObject? Body)> RouteAsync(HttpContext context, string method, string[] parts)
    {
        var query = context.Request.Query;
        var get = HttpMethods.IsGet(method);
        var post = HttpMethods.IsPost(method);
        switch (parts)
        {
            case [""] or ["ping"] when get:
                return (200, new JsonObject { ["health_status"] = "Everything's Chimpy!" });
            case ["lists"] when get:
                return (200, lists.Lists(query));
            case ["lists", var id] when get:
                return (200, lists.List(id));
            case ["lists", var id] when post:
                return Done(batch.Apply(id, await BodyAsync(context).ConfigureAwait(false), "api"));
            case ["lists", var id, "members"] when get:
                return (200, members.List(id, query));
            case ["lists", var id, "members"] when post:
                return Done(members.Create(id, await BodyAsync(context).ConfigureAwait(false), "api"));
            case ["lists", var id, "members", var hash] when get:
                return (200, members.Get(id, Hash(hash)));
            case ["lists", var id, "members", var hash] when HttpMethods.IsPut(method):
                return Done(members.Upsert(id, Hash(hash), await BodyAsync(context).ConfigureAwait(false), "api"));
            case ["lists", var id, "members", var hash] when HttpMethods.IsPatch(method):
                return Done(members.Patch(id, Hash(hash), await BodyAsync(context).ConfigureAwait(false), "api"));
            case ["lists", var id, "members", var hash] when HttpMethods.IsDelete(method):
                dispatcher.Enqueue(members.Archive(id, Hash(hash), "api"));
                return (204, null);
            case ["lists", var id, "members", var hash, "tags"] when get:
                return (200, members.Tags(id, Hash(hash)));
            case ["lists", var id, "members", var hash, "tags"] when post:
                dispatcher.Enqueue(members.SetTags(id, Hash(hash), await BodyAsync(context).ConfigureAwait(false)));
                return (204, null);
            case ["lists", var id, "members", var hash, "actions", "delete-permanent"] when post:
                dispatcher.Enqueue(members.DeletePermanently(id, Hash(hash), "api"));
                return (204, null);
            case ["lists", var id, "merge-fields"] when get:
                return (200, lists.MergeFields(id, query));
            case ["lists", var id, "merge-fields"] when post:
                return (200, lists.AddMergeField(id, await BodyAsync(context).ConfigureAwait(false), options.MaxMergeFields));
            case ["lists", var id, "interest-categories", ..] when parts.Length <= 6:
                return await RouteGroupsAsync(context, method, id, parts[3..]).ConfigureAwait(false);
            case ["lists", var id, "webhooks"] when get:
                return (200, webhooks.List(id));
            case ["lists", var id, "webhooks"] when post:
                return (200, await webhooks.AddAsync(id, await BodyAsync(context).ConfigureAwait(false), context.RequestAborted).ConfigureAwait(false));
            case ["lists", var id, "webhooks", var webhookId] when get:
                return (200, webhooks.Get(id, webhookId));
            case ["lists", var id, "webhooks", var webhookId] when HttpMethods.IsDelete(method):
                webhooks.Delete(id, webhookId);
                return (204, null);
            default:
                throw MailchimpApiException.NotFound();
        }
    }

    /// <summary><c>/lists/{id}/interest-categories…</c>: <paramref name="rest"/> is the category id, "interests" and the interest id, as far as given.</summary>
    private async Task<(int Status, JsonObject? Body)> RouteGroupsAsync(HttpContext context, string method, string listId, string[] rest)
    {
        var query = context.Request.Query;
        var get = HttpMethods.IsGet(method);
        var delete = HttpMethods.IsDelete(method);
        switch (rest)
        {
            case [] when get:
                return (200, groups.Categories(listId, query));
            case [] when HttpMethods.IsPost(method):
                return (200, groups.AddCategory(listId, await BodyAsync(context).ConfigureAwait(false)));
            case [var category] when get:
                return (200, groups.Category(listId, category));
            case [var category] when HttpMethods.IsPatch(method):
                return (200, groups.UpdateCategory(listId, category, await BodyAsync(context).ConfigureAwait(false)));
            case [var category] when delete:
                groups.DeleteCategory(listId, category);
                return (204, null);
            case [var category, "interests"] when get:
                return (200, groups.Interests(listId, category, query));
            case [var category, "interests"] when HttpMethods.IsPost(method):
                return (200, groups.AddInterest(listId, category, await BodyAsync(context).ConfigureAwait(false)));
            case [var category, "interests", var interest] when get:
                return (200, groups.Interest(listId, category, interest));
            case [var category, "interests", var interest] when HttpMethods.IsPatch(method):
                return (200, groups.UpdateInterest(listId, category, interest, await BodyAsync(context).ConfigureAwait(false)));
            case [var category, "interests", var interest] when delete:
                groups.DeleteInterest(listId, category, interest);
                return (204, null);
            default:
                throw MailchimpApiException.NotFound();
        }
    }

    private (int, JsonObject?) Done((JsonObject Body, List<WebhookEvent> Events) result)
    {
        dispatcher.Enqueue(result.Events);
        return (200, result.Body);
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
