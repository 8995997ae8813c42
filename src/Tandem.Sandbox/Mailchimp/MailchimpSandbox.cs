using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>
/// A stateful simulator of Mailchimp's Marketing API v3 for audiences and their members: API-key (HTTP Basic) and OAuth
/// auth, problem-document errors, the 10-simultaneous-connections limit, batch subscribe, merge fields, groups (interest
/// categories), tags, archive and permanent deletion, list webhooks delivered as form posts (retried, disabled by 410),
/// and fault switches. See <c>README.md</c>.
/// </summary>
public sealed class MailchimpSandbox : ISandboxApp, IDisposable
{
    /// <summary>The id of the seeded "Tandem Newsletter" audience (merge fields of every type).</summary>
    public const string NewsletterAudienceId = MailchimpDemoData.NewsletterId;

    /// <summary>The id of the seeded "Event attendees" audience (default merge fields only).</summary>
    public const string EventsAudienceId = MailchimpDemoData.EventsId;

    private const string ApiPrefix = "/3.0/";
    private readonly AudienceStore store;
    private readonly MemberEndpoints members;
    private readonly InterestEndpoints groups;
    private readonly ApiRoutes routes;
    private readonly WebhookDispatcher dispatcher;
    private readonly MailchimpOAuthServer oauth;
    private readonly TimeProvider time;
    private int apiCalls;
    private int inFlight;
    private int mostInFlight;
    private long problemInstances;

    public MailchimpSandbox(MailchimpSandboxOptions? options = null, TimeProvider? time = null)
    {
        Options = options ?? new MailchimpSandboxOptions();
        this.time = time ?? TimeProvider.System;
        store = new AudienceStore(this.time);
        members = new MemberEndpoints(store);
        groups = new InterestEndpoints(store);
        dispatcher = new WebhookDispatcher(store, this.time);
        routes = new ApiRoutes(store, members, groups, dispatcher, Options);
        oauth = new MailchimpOAuthServer(Options);
        MailchimpDemoData.Seed(store, Options, store.Now().AddDays(-1));
    }

    public string App => "mailchimp";

    public MailchimpSandboxOptions Options { get; }

    public SandboxFaults Faults { get; } = new();

    /// <summary>Requests received on the API paths (<c>/3.0/…</c>).</summary>
    public int ApiCalls => Volatile.Read(ref apiCalls);

    /// <summary>API requests in progress right now.</summary>
    public int RequestsInProgress => Volatile.Read(ref inFlight);

    /// <summary>The most API requests that were ever in progress at once.</summary>
    public int MostConcurrentRequests => Volatile.Read(ref mostInFlight);

    /// <summary>Webhook posts answered with a 2xx, and attempts that failed (each retry counts).</summary>
    public (int Delivered, int Failed) WebhookDeliveries => (dispatcher.Delivered, dispatcher.Failed);

    /// <summary>Webhook deliveries given up after their last retry.</summary>
    public int WebhookDeliveriesAbandoned => dispatcher.Abandoned;

    /// <summary>Completes once this many webhook posts have been attempted and settled (a failed one's retry is scheduled on the sandbox's clock).</summary>
    public Task WhenWebhookAttemptsAsync(int attempts, CancellationToken cancellationToken) => dispatcher.WhenAttemptedAsync(attempts, cancellationToken);

    /// <summary>Mailchimp's subscriber hash of an email (MD5 of the lower-cased address).</summary>
    public static string SubscriberHash(string email) => AudienceStore.Hash(email);

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path == "/_sandbox/faults" && HttpMethods.IsPost(context.Request.Method))
        {
            await ApplyFaultsAsync(context).ConfigureAwait(false);
            return;
        }

        if (path.StartsWith("/oauth2/", StringComparison.Ordinal))
        {
            await oauth.HandleAsync(context, path["/oauth2/".Length..]).ConfigureAwait(false);
            return;
        }

        try
        {
            if (!path.StartsWith(ApiPrefix, StringComparison.Ordinal) && path != "/3.0")
            {
                throw MailchimpApiException.NotFound();
            }

            await ServeAsync(context, path.Length > ApiPrefix.Length ? path[ApiPrefix.Length..].TrimEnd('/') : string.Empty).ConfigureAwait(false);
        }
        catch (MailchimpApiException error)
        {
            await WriteProblemAsync(context, error).ConfigureAwait(false);
        }
    }

    /// <summary>A member (by email, subscriber hash or contact_id) as the API shows it, or null when it is not in the audience.</summary>
    public JsonObject? Member(string listId, string member)
    {
        try
        {
            return members.Get(listId, ApiRoutes.Hash(member));
        }
        catch (MailchimpApiException)
        {
            return null;
        }
    }

    /// <summary>Members of an audience with this status (archived ones only when asked for).</summary>
    public int MemberCount(string listId, string? status = null) =>
        store.Read(() => store.Audience(listId).Members.Values.Count(m => status is null ? m.Status != "archived" : m.Status == status));

    /// <summary>Emails of the audience's members with this status, oldest first.</summary>
    public IReadOnlyList<string> MemberEmails(string listId, string status = "subscribed") =>
        store.Read(() => store.Audience(listId).Members.Values.Where(m => m.Status == status).OrderBy(m => m.Sequence).Select(m => m.Email).ToList());

    /// <summary>The id of an interest category (a group title) of the audience.</summary>
    public string InterestCategoryId(string listId, string title) =>
        store.Read(() => store.Audience(listId).InterestCategories.First(c => c.Title == title).Id);

    /// <summary>The id of an interest (a group name) of an interest category of the audience.</summary>
    public string InterestId(string listId, string categoryTitle, string name) =>
        store.Read(() => store.Audience(listId).InterestCategories.First(c => c.Title == categoryTitle).Interests.First(i => i.Name == name).Id);

    /// <summary>An admin adds an interest category with these interests (group names) in Mailchimp's web app.</summary>
    public void AddInterestCategory(string listId, string title, string type, params string[] interests)
    {
        var category = groups.AddCategory(listId, new JsonObject { ["title"] = title, ["type"] = type })["id"]!.GetValue<string>();
        foreach (var name in interests)
        {
            _ = groups.AddInterest(listId, category, new JsonObject { ["name"] = name });
        }
    }

    /// <summary>
    /// Changes a member (by email, subscriber hash or contact_id) as an admin would in Mailchimp's web app; the body is
    /// applied like a PATCH (merge_fields, status, email_address).
    /// </summary>
    public void EditMember(string listId, string member, JsonObject changes) =>
        dispatcher.Enqueue(members.Patch(listId, ApiRoutes.Hash(member), changes, "admin").Events);

    /// <summary>The member (by email, subscriber hash or contact_id) unsubscribes through the link in a campaign.</summary>
    public void UnsubscribeMember(string listId, string member) =>
        dispatcher.Enqueue(members.Patch(listId, ApiRoutes.Hash(member), new JsonObject { ["status"] = "unsubscribed" }, "user").Events);

    /// <summary>An admin archives the member (by email, subscriber hash or contact_id).</summary>
    public void ArchiveMember(string listId, string member) =>
        dispatcher.Enqueue(members.Archive(listId, ApiRoutes.Hash(member), "admin"));

    public void Dispose() => dispatcher.Dispose();

    private async Task ServeAsync(HttpContext context, string route)
    {
        Interlocked.Increment(ref apiCalls);
        if (Faults.TakeDroppedConnection())
        {
            context.Abort();
            return;
        }

        var now = Interlocked.Increment(ref inFlight);
        try
        {
            UpdateMost(now);
            if (Options.MaxConnections > 0 && now > Options.MaxConnections)
            {
                throw MailchimpApiException.TooManyRequests();
            }

            if (Faults.TakeSlow())
            {
                await Task.Delay(Faults.SlowDelay, time, context.RequestAborted).ConfigureAwait(false);
            }

            if (!IsAuthorized(context.Request))
            {
                throw MailchimpApiException.Unauthorized();
            }

            if (Faults.TakeRateLimited())
            {
                throw MailchimpApiException.TooManyRequests();
            }

            if (Faults.TakeServerError())
            {
                throw new MailchimpApiException(Faults.ServerErrorStatus, "Internal Server Error", "An unexpected internal error has occurred. Please contact Support for more information.");
            }

            var method = context.Request.Method;
            var (status, body) = await routes.RouteAsync(context, method, route.Split('/')).ConfigureAwait(false);
            if (!HttpMethods.IsGet(method) && Faults.TakeLostResponse())
            {
                // The write happened; the answer never arrives.
                context.Abort();
                return;
            }

            context.Response.StatusCode = status;
            if (body is not null)
            {
                var query = context.Request.Query;
                body = FieldsProjection.Apply(body, query["fields"].FirstOrDefault(), query["exclude_fields"].FirstOrDefault());
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
            }
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private bool IsAuthorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.FirstOrDefault();
        if (header is null)
        {
            return false;
        }

        if (header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return oauth.IsValidToken(header["Bearer ".Length..].Trim());
        }

        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon >= 0 && string.Equals(pair[(colon + 1)..], Options.ApiKey, StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private void UpdateMost(int now)
    {
        var seen = Volatile.Read(ref mostInFlight);
        while (now > seen && Interlocked.CompareExchange(ref mostInFlight, now, seen) != seen)
        {
            seen = Volatile.Read(ref mostInFlight);
        }
    }

    private async Task WriteProblemAsync(HttpContext context, MailchimpApiException error)
    {
        var problem = new JsonObject
        {
            ["type"] = "https://mailchimp.com/developer/marketing/docs/errors/",
            ["title"] = error.Title,
            ["status"] = error.Status,
            ["detail"] = error.Message,
            ["instance"] = new Guid((int)Interlocked.Increment(ref problemInstances), 0, 0, (byte)(Options.Seed & 0xff), 0, 0, 0, 0, 0, 0, 0).ToString(),
        };
        if (error.Errors is not null)
        {
            problem["errors"] = error.Errors;
        }

        context.Response.StatusCode = error.Status;
        context.Response.ContentType = "application/problem+json; charset=utf-8";
        await context.Response.WriteAsync(problem.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private async Task ApplyFaultsAsync(HttpContext context)
    {
        try
        {
            Faults.Apply(await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject ?? []);
            context.Response.StatusCode = 204;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            context.Response.StatusCode = 400;
        }
    }
}
