using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tandem.Sandbox.Kit.Faults;
using Tandem.Sandbox.Kit.Routing;
using Tandem.Sandbox.Kit.Webhooks;

namespace Tandem.Sandbox.Pipeliner;

/// <summary>
/// A stateful simulator of one Pipeliner CRM space over REST v100: Contacts with cursor paging, filters, ordering and
/// <c>include-deleted</c>, <c>batch-modify</c> with its rollback methods, webhooks on contact changes, 422 answers with <c>field_errors</c>, the space's
/// Fields, Clients and Sales Units, HTTP Basic auth, and the kit's fault switches. See <c>README.md</c>.
/// </summary>
public sealed class PipelinerSandbox : ISandboxApp, IRoutedSandbox, IDisposable
{
    private readonly ContactStore store;
    private readonly FaultPipeline pipeline;
    private readonly ContactEndpoints endpoints;
    private readonly SandboxPipeline standalone;
    private readonly WebhookQueue deliveries;
    private readonly SpaceWebhooks webhooks;

    /// <param name="options">API access, retention, seed.</param>
    /// <param name="time">The sandbox's clock.</param>
    /// <param name="webhookHandler">Sends webhook deliveries (tests capture them here); the network when null.</param>
    public PipelinerSandbox(PipelinerSandboxOptions? options = null, TimeProvider? time = null, HttpMessageHandler? webhookHandler = null)
    {
        Options = options ?? new PipelinerSandboxOptions();
        var clock = time ?? TimeProvider.System;
        store = new ContactStore(clock, Options.DeletedRetention);
        pipeline = new FaultPipeline(Faults, PipelinerFaults.Describe(Options), clock);
        endpoints = new ContactEndpoints(store, Options, clock, Faults);
        standalone = new SandboxPipeline(this);
        deliveries = new WebhookQueue(WebhookSchedule, clock, webhookHandler);
        webhooks = new SpaceWebhooks(deliveries, clock);
        Seed(clock);

        // Seeding is the space's history: webhooks only hear of what happens afterwards.
        store.Changed = webhooks.Announce;
    }

    /// <summary>Retries of a failed delivery (Pipeliner documents none: the kit's schedule, **unverified**).</summary>
    internal static readonly WebhookSchedule WebhookSchedule = new([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60)], TimeSpan.FromSeconds(10), GoneDisables: false);

    public string App => "pipeliner";

    public PipelinerSandboxOptions Options { get; }

    public PipelinerSandboxFaults Faults { get; } = new();

    /// <summary>Live (not deleted) contacts.</summary>
    public int ContactCount => store.Count;

    /// <summary>Requests received on the API paths.</summary>
    public int ApiCalls => pipeline.Calls;

    /// <summary>Stops webhook deliveries (the HTTP client they use).</summary>
    public void Dispose() => deliveries.Dispose();

    /// <summary>Webhooks registered in the space.</summary>
    public int WebhookCount => webhooks.Count;

    /// <summary>Webhook delivery attempts started so far, retries included.</summary>
    public long WebhookDeliveries => deliveries.Started;

    /// <summary>Waits until every queued delivery has been attempted (and retried as scheduled).</summary>
    public Task FlushWebhooksAsync() => deliveries.FlushAsync();

    /// <summary>The demo space's users (Clients): id and name.</summary>
    public static IReadOnlyList<(string Id, string Name)> Clients { get; } = [.. PipelinerDemoData.Clients.Select(c => (c.Id, c.First + " " + c.Last))];

    /// <summary>The demo space's sales units: id and name.</summary>
    public static IReadOnlyList<(string Id, string Name)> SalesUnits { get; } = [.. PipelinerDemoData.SalesUnits];

    /// <summary>The id of a data-set option of a custom field, by the field's api name and the option's label.</summary>
    public static string OptionId(string apiName, string option) => ContactFieldCatalog.OptionId(apiName, option);

    public Task HandleAsync(HttpContext context) => standalone.HandleAsync(context);

    void IRoutedSandbox.MapEndpoints(IEndpointRouteBuilder routes)
    {
        FaultSwitchesEndpoint.Map(routes, Faults);
        webhooks.Map(endpoints.Map(routes, pipeline));
        routes.Map("{**path}", IResult () => PipelinerAnswers.Error(PipelinerApiException.RouteNotFound()));
    }

    /// <summary>Edits a contact as a Pipeliner user would (for tests): the body is applied like a PATCH.</summary>
    public void EditContact(string id, JsonObject changes) =>
        _ = store.Update(id, changes) ?? throw new ArgumentException("No such contact.", nameof(id));

    /// <summary>Deletes a contact as a Pipeliner user would (for tests).</summary>
    public void DeleteContact(string id)
    {
        if (!store.Delete(id))
        {
            throw new ArgumentException("No such contact.", nameof(id));
        }
    }

    /// <summary>A contact as the API shows it (deleted ones too), or null.</summary>
    public JsonObject? Contact(string id) => store.Get(id, includeDeleted: true);

    /// <summary>Ids of the live contacts, in creation order.</summary>
    public IReadOnlyList<string> ContactIds() => [.. store.Snapshot(includeDeleted: false).Select(c => c["id"]!.GetValue<string>())];

    private void Seed(TimeProvider time)
    {
        var start = time.GetUtcNow().AddDays(-1);
        var i = 0;
        foreach (var contact in PipelinerDemoData.Generate(Options.SeedContacts, Options.Seed))
        {
            // Imported contacts share their modified stamp three by three: ties in the feed's order are normal.
            store.Create(contact, start.AddSeconds(i++ / 3));
        }
    }
}
