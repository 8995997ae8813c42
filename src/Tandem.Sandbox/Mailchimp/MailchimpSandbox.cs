using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tandem.Sandbox.Kit.Faults;
using Tandem.Sandbox.Kit.OAuth;
using Tandem.Sandbox.Kit.Routing;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>
/// A stateful simulator of Mailchimp's Marketing API v3 for audiences and their members: API-key (HTTP Basic) and OAuth
/// auth, problem-document errors, the 10-simultaneous-connections limit, batch subscribe, merge fields, groups (interest
/// categories), tags, archive and permanent deletion, list webhooks delivered as form posts (retried, disabled by 410),
/// and fault switches. Built on the sandbox kit (route groups, the fault pipeline, the OAuth server, the webhook queue).
/// See <c>README.md</c>.
/// </summary>
public sealed class MailchimpSandbox : ISandboxApp, IRoutedSandbox, IDisposable
{
    /// <summary>The id of the seeded "Tandem Newsletter" audience (merge fields of every type).</summary>
    public const string NewsletterAudienceId = MailchimpDemoData.NewsletterId;

    /// <summary>The id of the seeded "Event attendees" audience (default merge fields only).</summary>
    public const string EventsAudienceId = MailchimpDemoData.EventsId;

    private readonly AudienceStore store;
    private readonly MemberEndpoints members;
    private readonly InterestEndpoints groups;
    private readonly ApiRoutes routes;
    private readonly WebhookDispatcher dispatcher;
    private readonly AuthorizationServer oauth;
    private readonly MailchimpProblems problems;
    private readonly FaultPipeline pipeline;
    private readonly SandboxPipeline standalone;

    public MailchimpSandbox(MailchimpSandboxOptions? options = null, TimeProvider? time = null)
    {
        Options = options ?? new MailchimpSandboxOptions();
        var clock = time ?? TimeProvider.System;
        store = new AudienceStore(clock);
        members = new MemberEndpoints(store);
        groups = new InterestEndpoints(store);
        dispatcher = new WebhookDispatcher(store, clock);
        routes = new ApiRoutes(store, members, groups, dispatcher, Options);
        oauth = new AuthorizationServer(MailchimpOAuth.Describe(Options), clock);
        problems = new MailchimpProblems(Options.Seed);
        pipeline = new FaultPipeline(Faults, MailchimpFaults.Describe(Options, oauth, problems), clock);
        standalone = new SandboxPipeline(this);
        MailchimpDemoData.Seed(store, Options, store.Now().AddDays(-1));
    }

    public string App => "mailchimp";

    public MailchimpSandboxOptions Options { get; }

    public SandboxFaults Faults { get; } = new();

    /// <summary>Requests received on the API paths (<c>/3.0/…</c>).</summary>
    public int ApiCalls => pipeline.Calls;

    /// <summary>API requests in progress right now.</summary>
    public int RequestsInProgress => pipeline.InFlight;

    /// <summary>Requests a slow fault is holding, once their wait is on the sandbox's clock (tests advance the clock after this).</summary>
    public int RequestsHeld => pipeline.Held;

    /// <summary>The most API requests that were ever in progress at once.</summary>
    public int MostConcurrentRequests => pipeline.MostInFlight;

    /// <summary>Webhook posts answered with a 2xx, and attempts that failed (each retry counts).</summary>
    public (int Delivered, int Failed) WebhookDeliveries => (dispatcher.Delivered, dispatcher.Failed);

    /// <summary>Webhook deliveries given up after their last retry.</summary>
    public int WebhookDeliveriesAbandoned => dispatcher.Abandoned;

    /// <summary>Completes once this many webhook posts have been attempted and settled (a failed one's retry is scheduled on the sandbox's clock).</summary>
    public Task WhenWebhookAttemptsAsync(int attempts, CancellationToken cancellationToken) => dispatcher.WhenAttemptedAsync(attempts, cancellationToken);

    /// <summary>Mailchimp's subscriber hash of an email (MD5 of the lower-cased address).</summary>
    public static string SubscriberHash(string email) => AudienceStore.Hash(email);

    public Task HandleAsync(HttpContext context) => standalone.HandleAsync(context);

    void IRoutedSandbox.MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        MailchimpOAuth.Map(endpoints, oauth, Options);
        FaultSwitchesEndpoint.Map(endpoints, Faults);
        var api = endpoints.MapGroup("/3.0");
        api.AddEndpointFilter(pipeline);
        routes.Map(api);
        endpoints.Map("{**path}", () => problems.Answer(MailchimpApiException.NotFound()));
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
}
