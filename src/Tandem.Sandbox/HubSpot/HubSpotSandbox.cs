using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tandem.Sandbox.Kit.Faults;
using Tandem.Sandbox.Kit.OAuth;
using Tandem.Sandbox.Kit.Routing;

namespace Tandem.Sandbox.HubSpot;

/// <summary>
/// A stateful simulator of HubSpot's CRM contacts v3 (with properties, owners, static lists, communication preferences),
/// private app tokens and OAuth 2.0, the burst, daily and search limits with HubSpot's headers and 429 bodies, and fault
/// switches. Built on the sandbox kit (route groups, the fault pipeline, the OAuth server). See <c>README.md</c>.
/// </summary>
public sealed class HubSpotSandbox : ISandboxApp, IRoutedSandbox
{
    private readonly ContactStore store;
    private readonly PropertyCatalog properties;
    private readonly ListEndpoints lists;
    private readonly PreferenceEndpoints preferences;
    private readonly AuthorizationServer oauth;
    private readonly FaultPipeline pipeline;
    private readonly HubSpotSandboxRoutes routes;
    private readonly SandboxPipeline standalone;

    /// <param name="options">Token, OAuth app, limits, seed.</param>
    /// <param name="time">The sandbox's clock.</param>
    public HubSpotSandbox(HubSpotSandboxOptions? options = null, TimeProvider? time = null)
    {
        Options = options ?? new HubSpotSandboxOptions();
        var clock = time ?? TimeProvider.System;
        store = new ContactStore(clock);
        properties = new PropertyCatalog(clock, HubSpotDemoData.Subscriptions.Select(s => s.Id));
        lists = new ListEndpoints(store);
        preferences = new PreferenceEndpoints(store);
        oauth = new AuthorizationServer(HubSpotOAuth.Describe(Options), clock);
        var limits = new HubSpotRateLimits(Options, clock);
        pipeline = new FaultPipeline(Faults, HubSpotFaults.Describe(IsAuthorized, limits), clock);
        var input = new ContactInput(properties);
        routes = new HubSpotSandboxRoutes(new ContactEndpoints(store, input), new SearchEndpoint(store, properties, limits, Options), properties, lists, preferences, clock);
        standalone = new SandboxPipeline(this);
        Seed(clock);
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

    private bool IsAuthorized(HttpContext context)
    {
        var request = context.Request;
        if (oauth.IsAuthorized(request))
        {
            return true;
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
