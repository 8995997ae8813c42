using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Pipeliner.Internal;
using Tandem.Connectors.Pipeliner.Webhooks;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.Pipeliner;

/// <summary>Creates connectors for Pipeliner CRM spaces (app key <c>pipeliner</c>), authorised by API token and password.</summary>
public sealed class PipelinerConnectorFactory : IConnectorFactory, ICollectionDiscovery
{
    /// <summary>The app key in the catalogue.</summary>
    public const string App = "pipeliner";

    /// <summary>How errors name the app.</summary>
    private const string Label = "Pipeliner";

    private readonly RetryOptions retry;
    private readonly HttpLimits limits;

    /// <param name="retry">How calls are retried; tests pass short delays.</param>
    /// <param name="limits">Body cap, answer deadline and listing budget; null for <see cref="HttpLimits.Default"/>.</param>
    public PipelinerConnectorFactory(RetryOptions? retry = null, HttpLimits? limits = null)
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
        TagContainer = "tags",
        ReadBatchSize = 100,
        HasWebhooks = true,

        // batch-modify takes at most 100 objects (NOTES.md §7).
        WriteBatchSize = 100,
        Filters = StandardFilters.FieldsTagsAndSubscription,
        Actions = [ActionKind.AddTag, ActionKind.SetField, ActionKind.Unsubscribe],
    };

    public ConnectorDescriptor Descriptor { get; } = new(App, "Pipeliner CRM")
    {
        Vocabulary = PipelinerVocabulary.For(Capabilities),
        Capabilities = Capabilities,
        Settings = SettingsForm.Fields<PipelinerSettings>(),
        Webhooks = new PipelinerWebhookVerifier(),
    };

    public IContactConnector Create(AccountSettings settings, ConnectorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var valid = PipelinerSettings.From(settings);
        var logger = context.LoggerFactory.CreateLogger<PipelinerConnector>();
        var http = ConnectorHttp.Client(Label, context, limits, retry, logger);
        http.BaseAddress = valid.SpaceUrl;

        // HTTP Basic: the API token as user name, the API password as password (Pipeliner's authentication page).
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(valid.ApiToken + ":" + valid.ApiPassword)));
        return new PipelinerConnector(new PipelinerClient(new JsonApiClient(http, Label, limits)), valid, context.Time, logger);
    }

    /// <summary>
    /// A Pipeliner space comes with its own API access (Show API Access gives its id with the token), so there is no list
    /// of spaces to pick from; within a space a connection syncs the whole space or one sales unit.
    /// </summary>
    public string CollectionNoun => "sales unit";

    public string CollectionSetting => "salesUnitId";

    public string? AddressSetting => "serviceUrl";

    public string? UserSetting => "apiToken";

    public string? SecretSetting => "apiPassword";

    /// <summary>The space's sales units, by id and name: the form's list of them.</summary>
    public Task<IReadOnlyList<DiscoveredCollection>> DiscoverAsync(AccountSettings settings, ConnectorContext context, CancellationToken cancellationToken) =>
        SettingChoiceDiscovery.ListAsync(this, CollectionSetting, settings, context, cancellationToken);
}
