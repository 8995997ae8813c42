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
public sealed class PipelinerConnectorFactory : IConnectorFactory
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
}
