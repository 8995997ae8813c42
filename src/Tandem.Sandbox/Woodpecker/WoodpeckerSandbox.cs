using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tandem.Sandbox.Kit.Faults;
using Tandem.Sandbox.Kit.Routing;
using Tandem.Sandbox.Kit.Webhooks;

namespace Tandem.Sandbox.Woodpecker;

/// <summary>
/// A stateful simulator of Woodpecker's v1 prospects API (<c>/rest/v1/prospects</c>, <c>add_prospects_list</c>, <c>me</c>,
/// webhooks), API-key auth (<c>x-api-key</c> or legacy Basic), the v1 status envelope, the one-request-at-a-time queue
/// per key with drops, and the kit's fault switches. See <c>README.md</c>.
/// </summary>
public sealed class WoodpeckerSandbox : ISandboxApp, IRoutedSandbox, IDisposable
{
    /// <summary>
    /// "Failed deliveries are retried with backoff; a 410 response unsubscribes" (NOTES.md §8). The waits are not
    /// published: 1, 5 and 30 minutes here (unverified); an answer later than 10 seconds is a failure.
    /// </summary>
    internal static readonly WebhookSchedule WebhookSchedule = new([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)], TimeSpan.FromSeconds(10), GoneDisables: true);

    private static readonly Dictionary<string, string> EventOfStatus = new(StringComparer.Ordinal)
    {
        [ProspectFields.Blacklist] = "prospect_blacklisted",
        ["REPLIED"] = "prospect_replied",
        ["BOUNCED"] = "prospect_bounced",
        ["INVALID"] = "prospect_invalid",
    };

    private readonly ProspectStore store;
    private readonly ProspectEndpoints prospects;
    private readonly WebhookSubscriptions webhooks = new();
    private readonly WebhookQueue deliveries;
    private readonly FaultPipeline pipeline;
    private readonly RequestQueue queue;
    private readonly SandboxPipeline standalone;
    private readonly TimeProvider time;

    /// <param name="options">Key, queue, snippet labels, seed.</param>
    /// <param name="time">The sandbox's clock.</param>
    /// <param name="webhookHandler">Sends webhook deliveries (tests capture them here); the network when null.</param>
    public WoodpeckerSandbox(WoodpeckerSandboxOptions? options = null, TimeProvider? time = null, HttpMessageHandler? webhookHandler = null)
    {
        Options = options ?? new WoodpeckerSandboxOptions();
        this.time = time ?? TimeProvider.System;
        store = new ProspectStore(this.time);
        prospects = new ProspectEndpoints(store, Options);
        deliveries = new WebhookQueue(WebhookSchedule, this.time, webhookHandler);
        pipeline = new FaultPipeline(Faults, WoodpeckerFaults.Describe(IsAuthorized), this.time);
        queue = new RequestQueue(Options.QueueLength, Options.QueueTimeout, this.time);
        standalone = new SandboxPipeline(this);
        Seed();

        // Seeding is the account's history: webhooks only hear of what happens afterwards.
        store.StatusChanged = Announce;
    }

    public string App => "woodpecker";

    public WoodpeckerSandboxOptions Options { get; }

    public SandboxFaults Faults { get; } = new();

    public int ProspectCount => store.Count;

    /// <summary>Requests received on the API paths.</summary>
    public int ApiCalls => pipeline.Calls;

    /// <summary>Requests the queue dropped (six already waiting, or waited longer than the timeout).</summary>
    public int DroppedRequests => queue.Dropped;

    /// <summary>The most requests of one key present at once: 1 when a client never had two in flight.</summary>
    public int MostRequestsAtOnce => queue.MostPresent;

    /// <summary>Requests waiting in a key's queue right now (behind the one processed).</summary>
    public int QueuedRequests => queue.Waiting;

    /// <summary>Requests a slow fault holds right now, counted once their wait is on the sandbox's clock.</summary>
    public int HeldRequests => pipeline.Held;

    /// <summary>Webhook delivery attempts started so far, retries included.</summary>
    public long WebhookDeliveries => deliveries.Started;

    /// <summary>The webhook subscriptions, as <c>GET /rest/v2/webhooks</c> lists them.</summary>
    public JsonArray Webhooks => webhooks.List();

    public Task HandleAsync(HttpContext context) => standalone.HandleAsync(context);

    void IRoutedSandbox.MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        FaultSwitchesEndpoint.Map(endpoints, Faults, () => { });
        var v1 = Api(endpoints, "/rest/v1");
        v1.MapGet("me", () => WoodpeckerAnswers.Ok(new JsonObject { ["id"] = 1, ["email"] = "owner@woodpecker.example", ["name"] = "Sandbox Owner", ["company"] = "Sandbox Ltd" }));
        v1.MapGet("prospects", prospects.List);
        v1.MapDelete("prospects", prospects.Delete);
        v1.MapPost("add_prospects_list", async Task<IResult> (HttpContext c) => prospects.Add(await BodyAsync(c).ConfigureAwait(false)));
        v1.MapPost("webhooks/subscribe", async Task<IResult> (HttpContext c) =>
        {
            var (status, body) = webhooks.Subscribe(await BodyAsync(c).ConfigureAwait(false));
            return WoodpeckerAnswers.Status(status, body);
        });
        v1.MapPost("webhooks/unsubscribe", async Task<IResult> (HttpContext c) =>
        {
            var (status, body) = webhooks.Unsubscribe(await BodyAsync(c).ConfigureAwait(false));
            return WoodpeckerAnswers.Status(status, body);
        });
        Api(endpoints, "/rest/v2").MapGet("webhooks", () => WoodpeckerAnswers.Ok(webhooks.List()));
        endpoints.Map("{**path}", IResult () => WoodpeckerAnswers.Error(WoodpeckerApiException.UrlNotFound()));
    }

    /// <summary>Stops webhook deliveries (the HTTP client they use).</summary>
    public void Dispose() => deliveries.Dispose();

    /// <summary>Completes when the first attempt of every webhook delivery queued so far has been made.</summary>
    public Task FlushWebhooksAsync() => deliveries.FlushAsync();

    /// <summary>Completes once <paramref name="count"/> delivery attempts (retries included) have finished.</summary>
    public Task WhenWebhookAttemptsAsync(long count, CancellationToken cancellationToken = default) => deliveries.WhenAttemptsAsync(count, cancellationToken);

    /// <summary>Edits a prospect as a Woodpecker user would (for tests): fields by Woodpecker's names; <c>updated</c> moves.</summary>
    public void EditProspect(int id, IReadOnlyDictionary<string, string> fields) => store.Edit(id, fields);

    /// <summary>Sets a prospect's global status as Woodpecker does when it replies, bounces or opts out (for tests).</summary>
    public void SetStatus(int id, string status) => store.Edit(id, new Dictionary<string, string>(), status);

    /// <summary>Deletes a prospect as a Woodpecker user would (for tests).</summary>
    public void DeleteProspect(int id) => store.Delete([id]);

    /// <summary>A prospect as the listing shows it, or null.</summary>
    public JsonObject? Prospect(int id) => store.Find(id)?.ToJson(Options.SnippetLabels);

    /// <summary>A prospect's global status, or null.</summary>
    public string? StatusOf(int id) => store.Find(id)?.Status;

    /// <summary>Ids of the prospects, lowest first.</summary>
    public IReadOnlyList<int> ProspectIds() => store.Snapshot().Select(p => p.Id).ToList();

    private RouteGroupBuilder Api(IEndpointRouteBuilder endpoints, string prefix)
    {
        var api = endpoints.MapGroup(prefix);
        // The queue comes first: a request waits for its key's turn before anything else happens to it, so a slow
        // answer (the slow fault) keeps the others of its key waiting, as a slow request does at Woodpecker.
        api.AddEndpointFilter(queue);
        api.AddEndpointFilter(pipeline);
        api.Map("{**rest}", IResult () => throw WoodpeckerApiException.UrlNotFound());
        return api;
    }

    private void Announce(StoredProspect prospect)
    {
        if (!EventOfStatus.TryGetValue(prospect.Status, out var name))
        {
            return;
        }

        foreach (var url in webhooks.For(name))
        {
            deliveries.Enqueue(new ProspectWebhookDelivery(webhooks, url, name, prospect.ToJson(Options.SnippetLabels), time.GetUtcNow()));
        }
    }

    private bool IsAuthorized(HttpContext context) =>
        string.Equals(WoodpeckerCredentials.Key(context.Request), Options.ApiKey, StringComparison.Ordinal);

    private void Seed()
    {
        var start = time.GetUtcNow().AddDays(-1);
        var i = 0;
        foreach (var prospect in WoodpeckerDemoData.Generate(Options.SeedProspects, Options.Seed))
        {
            // Several prospects share each second, as after an import: ties on updated are normal.
            store.Upsert([prospect], update: false, start.AddSeconds(i++ / 3));
        }
    }

    private static async Task<JsonObject> BodyAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject
                ?? throw WoodpeckerApiException.WrongParam("Invalid request");
        }
        catch (JsonException)
        {
            throw WoodpeckerApiException.WrongParam("Invalid request");
        }
    }
}
