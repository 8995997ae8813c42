using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Mailchimp;
using Tandem.Sandbox;
using Tandem.Sandbox.Mailchimp;

namespace Tandem.Engine.Tests.Scenarios.Pairs;

/// <summary>
/// Mailchimp: the Mailchimp sandbox over HTTP on 127.0.0.1, its "Tandem Newsletter" audience (merge fields of every
/// type) with no members at the start. Mailchimp's <c>last_changed</c> has whole seconds, so the clock steps on.
/// </summary>
public sealed class MailchimpSide : AppSide
{
    private static readonly RetryOptions Fast = new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) };
    private readonly SteppedClock clock = new();
    private SandboxHost? host;

    public MailchimpSide()
    {
        Sandbox = new MailchimpSandbox(new MailchimpSandboxOptions { SeedMembers = 0 }, clock);
    }

    public MailchimpSandbox Sandbox { get; }

    public override string App => "mailchimp";

    public override bool DetectsUnsubscribes => true;

    public override async Task StartAsync() => host = await SandboxHost.StartAsync(Sandbox, cancellationToken: Ct);

    public override IContactConnector Connect() => new MailchimpConnectorFactory(Fast).Create(new AccountSettings(new Dictionary<string, string>
    {
        ["apiKey"] = Sandbox.Options.ApiKey,
        ["audienceId"] = MailchimpSandbox.NewsletterAudienceId,
        ["baseUrl"] = host!.BaseUri.ToString(),
    }), new ConnectorContext(clock, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).Allowing(host.BaseUri));

    public override void Later() => clock.Step(TimeSpan.FromSeconds(2));

    /// <summary>A member has one email address.</summary>
    protected override Tandem.Domain.Fields.FieldValue EmailValue(string email) => Tandem.Domain.Fields.Values.Email(email);

    /// <summary>The record key of a merge field by its tag ("SCORE").</summary>
    public static string Merge(string tag) => MailchimpFieldKeys.MergePrefix + tag;

    public override async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        Sandbox.Dispose();
    }
}
