using Microsoft.Extensions.Logging;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Workbooks.Internal;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.Workbooks;

/// <summary>Creates connectors for Workbooks databases (app key <c>workbooks</c>), authorised by API key or by a login session.</summary>
public sealed class WorkbooksConnectorFactory : IConnectorFactory, ICollectionDiscovery
{
    /// <summary>The app key in the catalogue.</summary>
    public const string App = "workbooks";

    /// <summary>How errors name the app.</summary>
    private const string Label = "Workbooks";

    /// <summary>Workbooks' User-Agent rule: every request names its client (403 <c>user_agent_required</c> otherwise).</summary>
    private const string UserAgent = "Tandem/1.0 (contact sync)";

    private readonly RetryOptions retry;
    private readonly HttpLimits limits;

    /// <param name="retry">How calls are retried; tests pass short delays.</param>
    /// <param name="limits">Body cap, answer deadline and listing budget; null for <see cref="HttpLimits.Default"/>.</param>
    public WorkbooksConnectorFactory(RetryOptions? retry = null, HttpLimits? limits = null)
    {
        this.retry = retry ?? RetryOptions.Default;
        this.limits = limits ?? HttpLimits.Default;
    }

    internal static ConnectorCapabilities Capabilities { get; } = new()
    {
        ChangeFeed = ChangeFeedKind.Cursor,
        DetectsDeletions = true,
        TagContainer = "tags",
        ReadBatchSize = DeltaReader.PageSize,
        WriteBatchSize = PeopleWrites.MaxObjects,
        Filters = [.. StandardFilters.FieldsAndTags, FilterKind.GetsDeleted],
        Actions = [ActionKind.AddTag, ActionKind.SetField],
    };

    public ConnectorDescriptor Descriptor { get; } = new(App, "Workbooks")
    {
        Vocabulary = WorkbooksVocabulary.For(Capabilities),
        Capabilities = Capabilities,
        Settings = SettingsForm.Fields<WorkbooksSettings>(),
    };

    public IContactConnector Create(AccountSettings settings, ConnectorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var valid = WorkbooksSettings.From(settings);
        var logger = context.LoggerFactory.CreateLogger<WorkbooksConnector>();
        var http = ConnectorHttp.Client(Label, context, limits, retry, logger, new FollowThrottleRedirects(logger));
        http.BaseAddress = valid.BaseUrl;
        http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        return new WorkbooksConnector(new WorkbooksClient(new JsonApiClient(http, Label, limits), valid, context.Time, logger), context.Time, logger);
    }

    public string CollectionNoun => "database";

    public string CollectionSetting => "databaseId";

    public string? AddressSetting => null;

    public string? UserSetting => null;

    public string? SecretSetting => "apiKey";

    /// <summary>The databases the API key (or login) reaches, by number and name: the form's list of them.</summary>
    public Task<IReadOnlyList<DiscoveredCollection>> DiscoverAsync(AccountSettings settings, ConnectorContext context, CancellationToken cancellationToken) =>
        SettingChoiceDiscovery.ListAsync(this, CollectionSetting, settings, context, cancellationToken);
}
