using Microsoft.Extensions.Logging;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Mailchimp.Internal;
using Tandem.Connectors.Mailchimp.Webhooks;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.Mailchimp;

/// <summary>Creates connectors for Mailchimp audiences (app key <c>mailchimp</c>), authorised by API key or OAuth.</summary>
public sealed class MailchimpConnectorFactory : IConnectorFactory
{
    /// <summary>The app key in the catalogue.</summary>
    public const string App = "mailchimp";

    private readonly RetryOptions retry;

    /// <param name="retry">How calls are retried; tests pass short delays.</param>
    public MailchimpConnectorFactory(RetryOptions? retry = null)
    {
        this.retry = retry ?? RetryOptions.Default;
    }

    internal static ConnectorCapabilities Capabilities { get; } = new()
    {
        ChangeFeed = ChangeFeedKind.Cursor,
        DetectsDeletions = true,
        DetectsUnsubscribes = true,
        CanUnsubscribe = true,
        CanSubscribe = true,
        CanDelete = true,
        TagContainer = "tags",
        ReadBatchSize = MemberFeed.PageSize,
        WriteBatchSize = 500,
        HasWebhooks = true,
        Filters = StandardFilters.FieldsTagsAndSubscription,
        Actions = [ActionKind.AddTag, ActionKind.Unsubscribe, ActionKind.Subscribe],
    };

    public ConnectorDescriptor Descriptor { get; } = new(App, "Mailchimp")
    {
        Webhooks = new MailchimpWebhookVerifier(),
        Capabilities = Capabilities,
        Settings = SettingsForm.Fields<MailchimpSettings>(),
        OAuth = MailchimpConsent.Description,
    };

    public IContactConnector Create(AccountSettings settings, ConnectorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var valid = MailchimpSettings.From(settings);
        var logger = context.LoggerFactory.CreateLogger<MailchimpConnector>();
        var http = new HttpClient(new RetryHandler(retry, context.Time, logger)
        {
            // Mailchimp allows 10 simultaneous connections; the client never opens more.
            InnerHandler = new SocketsHttpHandler { MaxConnectionsPerServer = MailchimpClient.MaxConnections },
        })
        {
            // Each attempt has its own timeout in the retry handler.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        return new MailchimpConnector(new MailchimpClient(http, valid), valid.NewMemberStatus, context.Time, logger);
    }
}
