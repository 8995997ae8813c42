using Microsoft.Extensions.Logging;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Woodpecker.Internal;
using Tandem.Connectors.Woodpecker.Webhooks;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.Woodpecker;

/// <summary>Creates connectors for Woodpecker accounts (app key <c>woodpecker</c>), authorised by API key.</summary>
public sealed class WoodpeckerConnectorFactory : IConnectorFactory
{
    /// <summary>The app key in the catalogue.</summary>
    public const string App = "woodpecker";

    private const string Label = "Woodpecker";

    private readonly RetryOptions retry;
    private readonly HttpLimits limits;

    /// <param name="retry">How calls are retried; tests pass short delays.</param>
    /// <param name="limits">Body cap, answer deadline and listing budget; null for <see cref="HttpLimits.Default"/>.</param>
    public WoodpeckerConnectorFactory(RetryOptions? retry = null, HttpLimits? limits = null)
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
        CanDelete = true,
        TagContainer = "tags",
        ReadBatchSize = WoodpeckerConnector.MaxPageSize,
        // Creates and updates go in one add_prospects_list call (20,000 at most); updates are read first (the listing, 1,000 a page).
        WriteBatchSize = ProspectWrites.MaxPerUpsert,
        HasWebhooks = true,
        Filters = StandardFilters.FieldsTagsAndSubscription,
        Actions = [ActionKind.AddTag, ActionKind.SetField, ActionKind.Unsubscribe],
    };

    public ConnectorDescriptor Descriptor { get; } = new(App, "Woodpecker")
    {
        Webhooks = new WoodpeckerWebhookVerifier(),
        Vocabulary = WoodpeckerVocabulary.For(Capabilities),
        Capabilities = Capabilities,
        Settings = SettingsForm.Fields<WoodpeckerSettings>(),
    };

    public IContactConnector Create(AccountSettings settings, ConnectorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var valid = WoodpeckerSettings.From(settings);
        var logger = context.LoggerFactory.CreateLogger<WoodpeckerConnector>();

        // The gate is outermost: a request keeps the key's one place through its retries and their backoff.
        var http = ConnectorHttp.Client(Label, context, limits, retry, logger, new KeyGate(valid.BaseUrl, valid.ApiKey));
        http.BaseAddress = valid.BaseUrl;

        // The key goes in the x-api-key header, never the URL, so it stays out of logs.
        http.DefaultRequestHeaders.Add("x-api-key", valid.ApiKey);
        return new WoodpeckerConnector(new WoodpeckerClient(http, limits), valid.BaseUrl, context.Time, logger);
    }
}
