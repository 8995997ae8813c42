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
public sealed class MailchimpConnectorFactory : IConnectorFactory, ICollectionDiscovery
{
    /// <summary>The app key in the catalogue.</summary>
    public const string App = "mailchimp";

    /// <summary>How errors name the app.</summary>
    private const string Label = "Mailchimp";

    private readonly RetryOptions retry;
    private readonly HttpLimits limits;

    /// <param name="retry">How calls are retried; tests pass short delays.</param>
    /// <param name="limits">Body cap, answer deadline and listing budget; null for <see cref="HttpLimits.Default"/>.</param>
    public MailchimpConnectorFactory(RetryOptions? retry = null, HttpLimits? limits = null)
    {
        this.retry = retry ?? RetryOptions.Default;
        this.limits = limits ?? HttpLimits.Default;
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
        Cost = MailchimpCosts.Model,
    };

    public IContactConnector Create(AccountSettings settings, ConnectorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var valid = MailchimpSettings.From(settings);
        var logger = context.LoggerFactory.CreateLogger<MailchimpConnector>();
        var http = ConnectorHttp.Client(Label, context, limits, retry, logger);
        return new MailchimpConnector(new MailchimpClient(new JsonApiClient(http, Label, limits), valid, context.Network), valid.NewMemberStatus, context.Time, logger);
    }

    public string CollectionNoun => "audience";

    public string CollectionSetting => "audienceId";

    public string? AddressSetting => null;

    public string? UserSetting => null;

    public string? SecretSetting => "apiKey";

    /// <summary>The account's audiences, with their member counts.</summary>
    public async Task<IReadOnlyList<DiscoveredCollection>> DiscoverAsync(AccountSettings settings, ConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);

        // The audience is what is being looked for: the form's required audience is met with a stand-in no call uses.
        var values = new Dictionary<string, string>(settings.Values, StringComparer.Ordinal);
        values.TryAdd("audienceId", "0");
        var valid = MailchimpSettings.From(new AccountSettings(values));
        var logger = context.LoggerFactory.CreateLogger<MailchimpConnector>();
        using var client = new MailchimpClient(new JsonApiClient(ConnectorHttp.Client(Label, context, limits, retry, logger), Label, limits), valid, context.Network);
        return await AudienceList.ReadAsync(client, cancellationToken).ConfigureAwait(false);
    }
}
