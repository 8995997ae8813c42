using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tandem.Sandbox.Kit.Faults;
using Tandem.Sandbox.Kit.OAuth;
using Tandem.Sandbox.Kit.Routing;
using Tandem.Sandbox.Kit.Webhooks;

namespace Tandem.Sandbox.HubSpot;

/// <summary>
/// A stateful simulator of HubSpot's CRM contacts v3 (with properties, owners, static lists, communication preferences),
/// private app tokens and OAuth 2.0, the burst, daily and search limits with HubSpot's headers and 429 bodies, and fault
/// switches. Built on the sandbox kit (route groups, the fault pipeline, the OAuth server). See <c>README.md</c>.
/// </summary>
public sealed class HubSpotSandbox : ISandboxApp, IRoutedSandbox, IDisposable
{
    /// <summary>HubSpot's retries: up to 10 over about a day, each attempt given 5 seconds (HubSpot's webhooks guide).</summary>
    internal static readonly WebhookSchedule WebhookSchedule = new(
        [.. new[] { 1, 2, 4, 8, 16, 32, 64, 128, 256, 512 }.Select(m => TimeSpan.FromMinutes(m))], TimeSpan.FromSeconds(5), GoneDisables: false);

    private readonly ContactStore store;
    private readonly PropertyCatalog properties;
    private readonly ListEndpoints lists;
    private readonly PreferenceEndpoints preferences;
    private readonly AuthorizationServer oauth;
    private readonly FaultPipeline pipeline;
    private readonly HubSpotSandboxRoutes routes;
    private readonly SandboxPipeline standalone;
    private readonly WebhookSettings webhooks;
    private readonly WebhookQueue deliveries;
    private readonly TimeProvider clock;
    private long nextEventId = 1000;

    /// <param name="options">Token, OAuth app, limits, seed.</param>
    /// <param name="time">The sandbox's clock.</param>
    /// <param name="webhookHandler">Sends webhook deliveries (tests capture them here); the network when null.</param>
    public HubSpotSandbox(HubSpotSandboxOptions? options = null, TimeProvider? time = null, HttpMessageHandler? webhookHandler = null)
    {
        Options = options ?? new HubSpotSandboxOptions();
        clock = time ?? TimeProvider.System;
        store = new ContactStore(clock);
        webhooks = new WebhookSettings(clock);
        deliveries = new WebhookQueue(WebhookSchedule, clock, webhookHandler);
        properties = new PropertyCatalog(clock, HubSpotDemoData.Subscriptions.Select(s => s.Id));
        lists = new ListEndpoints(store);
        preferences = new PreferenceEndpoints(store);
        oauth = new AuthorizationServer(HubSpotOAuth.Describe(Options), clock);
        var limits = new HubSpotRateLimits(Options, clock);
        pipeline = new FaultPipeline(Faults, HubSpotFaults.Describe(IsAuthorized, limits), clock);
        var input = new ContactInput(properties);
        routes = new HubSpotSandboxRoutes(new ContactEndpoints(store, input), new SearchEndpoint(store, properties, limits, Options), properties, lists, preferences, webhooks, Options, clock);
        standalone = new SandboxPipeline(this);
        Seed(clock);

        // Seeding is the portal's history: only changes from now on are announced.
        store.Changed = Announce;
    }

    public string App => "hubspot";

    public HubSpotSandboxOptions Options { get; }

    public SandboxFaults Faults { get; } = new();

    /// <summary>Live (not archived) contacts.</summary>
    public int ContactCount => store.Count;

    /// <summary>Requests received on the API paths.</summary>
    public int ApiCalls => pipeline.Calls;

    public Task HandleAsync(HttpContext context) => standalone.HandleAsync(context);

    void IRoutedSandbox.MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        oauth.Map(endpoints, [HubSpotOAuth.AuthorizePath], HubSpotOAuth.TokenPath);
        FaultSwitchesEndpoint.Map(endpoints, Faults, oauth.RevokeAccessTokens);
        routes.Map(endpoints, pipeline);
        endpoints.Map("{**path}", IResult () => HubSpotErrors.Answer(HubSpotApiException.NotFound()));
    }

    /// <summary>Webhook posts started so far, retries included.</summary>
    public long WebhookDeliveries => deliveries.Started;

    /// <summary>Completes when the first attempt of every webhook delivery queued so far has been made.</summary>
    public Task FlushWebhooksAsync() => deliveries.FlushAsync();

    /// <summary>Sets the app's target URL and subscribes to the contact events a sync needs, as a developer does in the app's settings (for tests and the demo).</summary>
    public void SubscribeWebhooks(Uri targetUrl)
    {
        ArgumentNullException.ThrowIfNull(targetUrl);
        webhooks.Save(new JsonObject { ["targetUrl"] = targetUrl.OriginalString, ["throttling"] = new JsonObject { ["maxConcurrentRequests"] = 10 } });
        var subscriptions = new[] { "contact.creation", "contact.deletion", "contact.merge", "contact.restore" }.Select(e => (Event: e, Property: (string?)null))
            .Concat(new[] { "email", "firstname", "lastname", "phone", "company", "jobtitle" }.Select(p => (Event: "contact.propertyChange", Property: (string?)p)));
        foreach (var (eventType, property) in subscriptions)
        {
            try
            {
                webhooks.Subscribe(new JsonObject { ["eventType"] = eventType, ["propertyName"] = property, ["active"] = true });
            }
            catch (HubSpotApiException ex) when (ex.Status == 409)
            {
                // Subscribed already: the target URL moved, the subscriptions stay.
            }
        }
    }

    public void Dispose() => deliveries.Dispose();

    /// <summary>Revokes every OAuth access token now (refresh tokens keep working), as if they expired early.</summary>
    public void RevokeAccessTokens() => oauth.RevokeAccessTokens();

    /// <summary>Ids of the live contacts, lowest first.</summary>
    public IReadOnlyList<string> ContactIds() => [.. store.Snapshot().Select(c => ContactStore.Id(c.Id))];

    /// <summary>A live contact's stored properties (computed ones included), or null; a merged id answers as its survivor.</summary>
    public IReadOnlyDictionary<string, string>? Contact(string id) =>
        store.Atomically(() => ContactInput.Id(id) is { } n && store.Live(n) is { } c
            ? new Dictionary<string, string>(c.Properties, StringComparer.Ordinal) { ["hs_object_id"] = ContactStore.Id(c.Id), ["lastmodifieddate"] = HubSpotValues.Stamp(c.UpdatedAt) }
            : null);

    /// <summary>Edits a contact as a HubSpot user would (for tests): each property set, an empty value clears it.</summary>
    public void EditContact(string id, IReadOnlyDictionary<string, string> values) =>
        store.Update(ContactInput.Id(id) ?? throw new ArgumentException("Not a contact id.", nameof(id)), values);

    /// <summary>Deletes (archives) a contact as a HubSpot user would (for tests).</summary>
    public void DeleteContact(string id) => store.Archive(ContactInput.Id(id) ?? -1);

    /// <summary>Merges two contacts as a HubSpot user would (for tests): the secondary id is gone and answers as the primary.</summary>
    public void MergeContacts(string primaryId, string secondaryId) =>
        store.Merge(ContactInput.Id(primaryId) ?? -1, ContactInput.Id(secondaryId) ?? -1);

    /// <summary>Unsubscribes an email from one subscription type as the recipient would (for tests).</summary>
    public void Unsubscribe(string email, string subscriptionId) =>
        preferences.Unsubscribe(new JsonObject { ["emailAddress"] = email, ["subscriptionId"] = subscriptionId });

    /// <summary>The static lists a contact is in, by name.</summary>
    public IReadOnlyList<string> ListsOf(string id) => lists.ListsOf(ContactInput.Id(id) ?? -1);

    /// <summary>Queues the change for the app's target URL when an active subscription wants it (called inside the store's lock: never blocks).</summary>
    private void Announce(ContactChange change)
    {
        if (webhooks.Target is { } target && webhooks.SubscriptionFor(change) is { } subscription)
        {
            deliveries.Enqueue(new ContactEventDelivery(change, subscription, target, Options, webhooks, Interlocked.Increment(ref nextEventId), clock));
        }
    }

    private bool IsAuthorized(HttpContext context)
    {
        var request = context.Request;
        if (oauth.IsAuthorized(request))
        {
            return true;
        }

        // The webhook settings belong to the developer account, which the API knows by its developer API key.
        if (request.Path.StartsWithSegments("/webhooks/v3"))
        {
            return string.Equals(request.Query["hapikey"].FirstOrDefault(), Options.DeveloperApiKey, StringComparison.Ordinal);
        }

        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && string.Equals(header["Bearer ".Length..].Trim(), Options.PrivateAppToken, StringComparison.Ordinal);
    }

    private void Seed(TimeProvider time)
    {
        var start = time.GetUtcNow().AddDays(-1);
        var i = 0;
        foreach (var contact in HubSpotDemoData.Contacts(Options.SeedContacts, Options.Seed))
        {
            // Imported contacts share milliseconds, as a real import does.
            store.Create(contact, DateTimeOffset.FromUnixTimeMilliseconds(start.AddMilliseconds(i++ / 3).ToUnixTimeMilliseconds()));
        }
    }
}
