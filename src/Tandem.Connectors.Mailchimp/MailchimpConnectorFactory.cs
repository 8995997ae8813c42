using Microsoft.Extensions.Logging;
using Tandem.Connectors.Catalog;
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
        Settings =
        [
            new SettingField(MailchimpSettings.ApiKeyKey, "API key", "Mailchimp > Profile > Extras > API keys. The part after the dash (such as us21) names your data centre. Leave empty when you sign in with Mailchimp instead.") { IsSecret = true, IsRequired = false },
            new SettingField(MailchimpSettings.AccessTokenKey, "OAuth access token", "Filled in when you sign in with Mailchimp on its consent page; leave empty when you give an API key.") { IsSecret = true, IsRequired = false },
            new SettingField(MailchimpSettings.AudienceIdKey, "Audience ID", "Mailchimp > Audience > Settings > Audience name and defaults > Audience ID (such as a1b2c3d4e5): the audience whose members are synced."),
            new SettingField(MailchimpSettings.NewMemberStatusKey, "Status of new members", "subscribed (default), pending (Mailchimp asks each new member to confirm) or transactional (no marketing emails).") { IsRequired = false },
            new SettingField(MailchimpSettings.BaseUrlKey, "API base URL", "Leave empty for Mailchimp (https://<dc>.api.mailchimp.com/3.0/); the sandbox prints its own.") { IsRequired = false },
            new SettingField(MailchimpSettings.LoginUrlKey, "OAuth login URL", "Leave empty for Mailchimp (https://login.mailchimp.com/); the sandbox prints its own.") { IsRequired = false },
        ],
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
