using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tandem.Sandbox.Kit.Faults;
using Tandem.Sandbox.Kit.OAuth;
using Tandem.Sandbox.Kit.Routing;
using Tandem.Sandbox.Kit.Webhooks;

namespace Tandem.Sandbox.Pipedrive;

/// <summary>
/// A stateful simulator of Pipedrive's persons API (v2, with v1 <c>personFields</c>, <c>recents</c>,
/// <c>organizations</c> and <c>users</c>), API-token and OAuth 2.0 (bearer) auth, the <c>{success, data, additional_data}</c> envelope,
/// the burst rate limit with <c>x-ratelimit-*</c> headers, and fault switches. Built on the sandbox kit (route groups, the
/// fault pipeline, the OAuth server, the webhook queue). See <c>README.md</c>.
/// </summary>
public sealed class PipedriveSandbox : ISandboxApp, IRoutedSandbox, IDisposable
{
    /// <summary>Pipedrive's webhook guide: an answer later than 10 seconds is a failure; retries after 3, 30 and 150 seconds (see the README).</summary>
    internal static readonly WebhookSchedule WebhookSchedule = new([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(150)], TimeSpan.FromSeconds(10), GoneDisables: false);

    private readonly PersonStore store;
    private readonly PersonFieldCatalog fields;
    private readonly WebhookEndpoints webhooks;
    private readonly WebhookQueue deliveries;
    private readonly AuthorizationServer oauth;
    private readonly FaultPipeline pipeline;
    private readonly PipedriveSandboxRoutes routes;
    private readonly SandboxPipeline standalone;

    /// <param name="options">Token, limits, seed.</param>
    /// <param name="time">The sandbox's clock.</param>
    /// <param name="webhookHandler">Sends webhook deliveries (tests capture them here); the network when null.</param>
    public PipedriveSandbox(PipedriveSandboxOptions? options = null, TimeProvider? time = null, HttpMessageHandler? webhookHandler = null)
    {
        Options = options ?? new PipedriveSandboxOptions();
        var clock = time ?? TimeProvider.System;
        store = new PersonStore(clock, Options.DeletedRetention, PipedriveDemoData.Users[0].Id);
        fields = new PersonFieldCatalog(Options.Labels);
        webhooks = new WebhookEndpoints(clock, PipedriveDemoData.Users[0].Id);
        deliveries = new WebhookQueue(WebhookSchedule, clock, webhookHandler);
        oauth = new AuthorizationServer(PipedriveOAuth.Describe(Options), clock);
        pipeline = new FaultPipeline(Faults, PipedriveFaults.Describe(IsAuthorized, new BurstWindow(Options.BurstLimit, clock, () => Faults.StormResetSeconds)), clock);
        routes = new PipedriveSandboxRoutes(store, fields, webhooks, clock);
        standalone = new SandboxPipeline(this);
        Seed(clock);

        // Seeding is the company's history: webhooks only hear of what happens afterwards.
        store.Changed = Announce;
    }

    public string App => "pipedrive";

    public PipedriveSandboxOptions Options { get; }

    public PipedriveSandboxFaults Faults { get; } = new();

    /// <summary>Live (not deleted) persons.</summary>
    public int PersonCount => store.Count;

    /// <summary>Requests received on the API paths.</summary>
    public int ApiCalls => pipeline.Calls;

    /// <summary>The 40-character key of a seeded custom field, by its name ("Segment").</summary>
    public static string CustomFieldKey(string name) => PersonFieldCatalog.HashKey(name);

    public Task HandleAsync(HttpContext context) => standalone.HandleAsync(context);

    void IRoutedSandbox.MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        oauth.Map(endpoints, [PipedriveOAuth.AuthorizePath], PipedriveOAuth.TokenPath);
        endpoints.Map("/oauth/{**rest}", () => Results.NotFound());
        FaultSwitchesEndpoint.Map(endpoints, Faults, oauth.RevokeAccessTokens);
        routes.Map(endpoints, pipeline);
        endpoints.Map("{**path}", IResult () => PipedriveAnswers.Error(PipedriveApiException.NotFound("Route")));
    }

    /// <summary>Revokes every OAuth access token now (refresh tokens keep working), as if Pipedrive expired them early.</summary>
    public void RevokeAccessTokens() => oauth.RevokeAccessTokens();

    /// <summary>Stops webhook deliveries (the HTTP client they use).</summary>
    public void Dispose() => deliveries.Dispose();

    /// <summary>Webhook delivery attempts started so far, retries included.</summary>
    public long WebhookDeliveries => deliveries.Started;

    /// <summary>Completes when the first attempt of every webhook delivery queued so far has been made (deliveries are asynchronous, as in Pipedrive).</summary>
    public Task FlushWebhooksAsync() => deliveries.FlushAsync();

    /// <summary>
    /// Completes once <paramref name="count"/> webhook delivery attempts (retries included) have finished. A failed
    /// attempt's retry waits on the sandbox's clock (3 s, 30 s, 150 s) and is already scheduled by then.
    /// </summary>
    public Task WhenWebhookAttemptsAsync(long count, CancellationToken cancellationToken = default) => deliveries.WhenAttemptsAsync(count, cancellationToken);

    /// <summary>Edits a person as a Pipedrive user would (for tests): the body is applied like a PATCH.</summary>
    public void EditPerson(int id, JsonObject changes) => store.Patch(id, changes);

    /// <summary>Merges person <paramref name="id"/> into <paramref name="mergeWithId"/> as a Pipedrive user would (for tests).</summary>
    public void MergePersons(int id, int mergeWithId) => store.Merge(id, mergeWithId);

    /// <summary>Deletes a person as a Pipedrive user would (for tests).</summary>
    public void DeletePerson(int id) => store.Delete(id);

    /// <summary>
    /// Links a deal to a person as a Pipedrive user would (for tests): <paramref name="status"/> open, won or lost. The
    /// person's deal counts (<c>include_fields=open_deals_count,closed_deals_count,…</c>) and <c>update_time</c> change.
    /// </summary>
    public void AddDeal(int personId, string status = "open") => store.Deals(
        personId,
        counts => status switch
        {
            "open" => counts with { Open = counts.Open + 1 },
            "won" => counts with { Won = counts.Won + 1 },
            "lost" => counts with { Lost = counts.Lost + 1 },
            _ => throw new ArgumentException("A deal's status is open, won or lost.", nameof(status)),
        },
        touch: true);

    /// <summary>A live person in the v2 shape, or null.</summary>
    public JsonObject? Person(int id) => store.Snapshot(includeDeleted: false).FirstOrDefault(p => PersonEndpoints.Id(p) == id);

    /// <summary>Ids of the live persons, lowest first.</summary>
    public IReadOnlyList<int> PersonIds() => store.Snapshot(includeDeleted: false).Select(PersonEndpoints.Id).ToList();

    /// <summary>A person as answered without <c>include_fields</c>.</summary>
    private static JsonObject Public(JsonObject person) => PersonEndpoints.WithoutIncludedFields(person);

    /// <summary>Queues the change for every webhook that wants it, the persons as a webhook shows them.</summary>
    private void Announce(PersonChange change)
    {
        var shown = change with
        {
            Current = change.Current is null ? null : PersonEndpoints.WithoutNulls(Public(change.Current)),
            Previous = change.Previous is null ? null : PersonEndpoints.WithoutNulls(Public(change.Previous)),
        };
        foreach (var webhook in webhooks.Matching(shown.Action, "person"))
        {
            deliveries.Enqueue(new PersonWebhookDelivery(webhook, shown, webhooks));
        }
    }

    private bool IsAuthorized(HttpContext context)
    {
        var request = context.Request;
        if (oauth.IsAuthorized(request))
        {
            return true;
        }

        var token = request.Headers["x-api-token"].FirstOrDefault() ?? request.Query["api_token"].FirstOrDefault();
        return token is not null && string.Equals(token, Options.ApiToken, StringComparison.Ordinal);
    }

    private void Seed(TimeProvider time)
    {
        var orgIds = PipedriveDemoData.Organizations.Select(store.CreateOrganization).ToList();
        var start = time.GetUtcNow().AddDays(-1);
        var i = 0;
        foreach (var person in PipedriveDemoData.Generate(Options.SeedPersons, Options.Seed, fields, orgIds))
        {
            // Several persons share each second, as in a real import: ties on update_time are normal.
            var id = PersonEndpoints.Id(store.Create(person, start.AddSeconds(i / 3)));
            var (open, won, lost) = PipedriveDemoData.Deals(i++);
            store.Deals(id, _ => (open, won, lost), touch: false);
        }
    }
}
