using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tandem.Sandbox.Kit.Faults;
using Tandem.Sandbox.Kit.Routing;
using Tandem.Sandbox.Kit.Webhooks;

namespace Tandem.Sandbox.Wooxy;

/// <summary>
/// A stateful simulator of Wooxy's API v3 for contact lists: the <c>Access-Token</c> header, every call a POST with a
/// JSON body, at most ten requests in flight per token, asynchronous add, update and remove requests (pending for a
/// moment, then per-contact results from <c>request/find</c> and the <c>webHookUri</c> callback), <c>contact/get</c>,
/// contact lists with their custom variables, and fault switches. No listing of contacts and no change feed: Wooxy has
/// none. Built on the sandbox kit. See <c>README.md</c>.
/// </summary>
public sealed class WooxySandbox : ISandboxApp, IRoutedSandbox, IDisposable
{
    /// <summary>The id of the seeded Default Contact List.</summary>
    public const string DefaultListId = WooxyDemoData.DefaultListId;

    /// <summary>The name Wooxy gives every domain's default list.</summary>
    public const string DefaultListName = WooxyDemoData.DefaultListName;

    /// <summary>The id of the seeded, empty "Newsletter" list.</summary>
    public const string NewsletterListId = WooxyDemoData.NewsletterListId;

    // Wooxy documents a callback "as soon as it is processed" and nothing about retries: one retry a minute later is assumed.
    private static readonly WebhookSchedule CallbackSchedule = new([TimeSpan.FromMinutes(1)], TimeSpan.FromSeconds(10), GoneDisables: false);

    private readonly WooxyStore store;
    private readonly FaultPipeline pipeline;
    private readonly SandboxPipeline standalone;
    private readonly WebhookQueue callbacks;

    public WooxySandbox(WooxySandboxOptions? options = null, TimeProvider? time = null)
    {
        Options = options ?? new WooxySandboxOptions();
        var clock = time ?? TimeProvider.System;
        store = new WooxyStore(Options, clock);
        pipeline = new FaultPipeline(Faults, WooxyFaults.Describe(Options), clock);
        standalone = new SandboxPipeline(this);
        callbacks = new WebhookQueue(CallbackSchedule, clock);
        store.Processed += request =>
        {
            if (request.WebHookUri is not null)
            {
                callbacks.Enqueue(new RequestCallback(request));
            }
        };
        WooxyDemoData.Seed(store, Options);
    }

    public string App => "wooxy";

    public WooxySandboxOptions Options { get; }

    public WooxyFaults Faults { get; } = new();

    /// <summary>Requests received on the API paths (<c>/v3/…</c>).</summary>
    public int ApiCalls => pipeline.Calls;

    /// <summary>The most API requests that were ever in progress at once.</summary>
    public int MostConcurrentRequests => pipeline.MostInFlight;

    /// <summary>Add, update and remove requests accepted and not processed yet.</summary>
    public int PendingRequests => store.PendingRequests;

    /// <summary>Completes once this many <c>webHookUri</c> callbacks have been attempted.</summary>
    public Task WhenCallbacksAsync(long attempts, CancellationToken cancellationToken) => callbacks.WhenAttemptsAsync(attempts, cancellationToken);

    public Task HandleAsync(HttpContext context) => standalone.HandleAsync(context);

    void IRoutedSandbox.MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        FaultSwitchesEndpoint.Map(endpoints, Faults);
        var api = endpoints.MapGroup("/v3");
        api.AddEndpointFilter(pipeline);
        new ContactEndpoints(store, Faults, Options).Map(api);
        new ListEndpoints(store, Options).Map(api);
        api.Map("{**rest}", IResult () => throw WooxyApiException.NotFound("Method not found"));
        endpoints.Map("{**path}", () => WooxyFaults.Answer(404, "Not found"));
    }

    /// <summary>Processes every stalled request now (their results and callbacks follow).</summary>
    public int ReleaseStalledRequests() => store.ReleaseStalled();

    /// <summary>The contacts of a list, by their identifiers (email, else phone, else user id), as the web app lists them.</summary>
    public IReadOnlyList<string> Identifiers(string listId) =>
        store.Read(() => store.List(listId).Contacts.Select(c => c.Email ?? c.Phone ?? c.UserId ?? c.Id).ToList());

    /// <summary>A contact of a list (by email, phone or user id) as <c>contact/get</c> shows it, or null.</summary>
    public System.Text.Json.Nodes.JsonObject? Contact(string listId, string identifier) =>
        store.Read(() => store.List(listId).Find(identifier) is { } found ? ContactShape.Of(found) : null);

    /// <summary>The custom variables of a list, by name, with their types.</summary>
    public IReadOnlyDictionary<string, string> CustomVariables(string listId) =>
        store.Read(() => new Dictionary<string, string>(store.List(listId).CustomVariables, StringComparer.Ordinal));

    /// <summary>A user adds a custom variable to a list in Wooxy's web app ("string" or "date").</summary>
    public void AddVariableInApp(string listId, string name, string type) => store.Read(() => store.List(listId).CustomVariables[name] = type);

    public void Dispose()
    {
        store.Dispose();
        callbacks.Dispose();
    }
}
