using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Mailchimp;
using Tandem.Connectors.Testing.Conformance;
using Tandem.Connectors.Testing.Specs;
using Tandem.Connectors.Testing;
using Tandem.Sandbox;
using Tandem.Sandbox.Mailchimp;

namespace Tandem.Connectors.Mailchimp.Tests;

/// <summary>
/// The Mailchimp connector against the Mailchimp sandbox over HTTP on 127.0.0.1, on the "Tandem Newsletter" audience
/// (more members than one 1000-member page). Every exchange is checked against marketing.openapi.json.
/// </summary>
public sealed partial class MailchimpConformanceTests : ConnectorConformanceTests
{

    private readonly ShiftedClock clock = new();
    private readonly OpenApiValidator validator = MailchimpOpenApi.CreateValidator();
    private readonly ConcurrentQueue<SandboxExchange> exchanges = new();
    private readonly MailchimpSandbox sandbox;
    private readonly int seeded;
    private SandboxHost? host;

    public MailchimpConformanceTests()
    {
        sandbox = new MailchimpSandbox(new MailchimpSandboxOptions { SeedMembers = 1100 }, clock);
        seeded = sandbox.MemberCount(Audience);
    }

    /// <summary>The audience's members at the start that are not archived (archived ones are deletions, not contacts).</summary>
    protected override int SeededContacts => seeded;

    private static string Audience => MailchimpSandbox.NewsletterAudienceId;

    public override async ValueTask InitializeAsync() =>
        host = await SandboxHost.StartAsync(sandbox, port: 0, e => { validator.Observe(e); exchanges.Enqueue(e); }, Ct);

    public override async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        sandbox.Dispose();

        // Every exchange of every test, in both directions, must match Mailchimp's OpenAPI file.
        validator.AssertNoViolations();
    }

    protected override IContactConnector Connect() => Connect(TestRetries.Fast);

    protected override void EditInApp(string recordId, string note) =>
        sandbox.EditMember(Audience, recordId, new JsonObject { ["merge_fields"] = new JsonObject { ["NOTES"] = note } });

    protected override void DeleteInApp(string recordId) => sandbox.ArchiveMember(Audience, recordId);

    protected override void RateLimitNext(int requests) => sandbox.Faults.RateLimitStorm(requests);

    protected override void FailNext(int requests) => sandbox.Faults.ServerErrors(requests);

    protected override void LoseNextWrite() => sandbox.Faults.LoseResponses(1);

    /// <summary>A cursor whose complete listing is over a week old asks for a rescan (permanent deletions leave no trace).</summary>
    protected override void ExpireCursors() => clock.Shift(TimeSpan.FromDays(8));

    private IContactConnector Connect(RetryOptions retry, string? audience = null) =>
        new MailchimpConnectorFactory(retry).Create(Settings(audience), new ConnectorContext(clock, NullLoggerFactory.Instance));

    private AccountSettings Settings(string? audience = null) => new(new Dictionary<string, string>
    {
        ["apiKey"] = sandbox.Options.ApiKey,
        ["audienceId"] = audience ?? Audience,
        ["baseUrl"] = host!.BaseUri.ToString(),
    });

    /// <summary>The system clock moved forward on demand (timers stay real), shared by the sandbox and the connector.</summary>
}
