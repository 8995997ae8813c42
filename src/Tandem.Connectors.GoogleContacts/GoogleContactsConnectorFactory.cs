using Microsoft.Extensions.Logging;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;
using Tandem.Connectors.Contract;
using Tandem.Connectors.GoogleContacts.Internal;
using Tandem.Connectors.Http;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.GoogleContacts;

/// <summary>Creates connectors for Google Contacts accounts (app key <c>google-contacts</c>).</summary>
public sealed class GoogleContactsConnectorFactory : IConnectorFactory
{
    /// <summary>The app key in the catalogue.</summary>
    public const string App = "google-contacts";

    /// <summary>How errors name the app.</summary>
    private const string Label = "Google Contacts";

    private readonly RetryOptions retry;
    private readonly HttpLimits limits;

    /// <param name="retry">How calls are retried; tests pass short delays.</param>
    /// <param name="limits">Body cap, answer deadline and listing budget; null for <see cref="HttpLimits.Default"/>.</param>
    public GoogleContactsConnectorFactory(RetryOptions? retry = null, HttpLimits? limits = null)
    {
        this.retry = retry ?? RetryOptions.Default;
        this.limits = limits ?? HttpLimits.Default;
    }

    internal static ConnectorCapabilities Capabilities { get; } = new()
    {
        ChangeFeed = ChangeFeedKind.Cursor,
        DetectsDeletions = true,
        TagContainer = "contact groups",
        ReadBatchSize = PeopleClient.MaxPageSize,
        WriteBatchSize = 200,
        Filters = [.. StandardFilters.FieldsAndTags, FilterKind.GetsDeleted],
        Actions = [ActionKind.AddTag],

        // "Several minutes" (connections.list); a lost create's lookup scans the listing, so it waits that long.
        CreatesListedWithin = TimeSpan.FromMinutes(10),
    };

    public ConnectorDescriptor Descriptor { get; } = new(App, "Google Contacts")
    {
        UsesOAuth = true,
        Vocabulary = GoogleContactsVocabulary.For(Capabilities),
        Capabilities = Capabilities,
        Settings = SettingsForm.Fields<GoogleContactsSettings>(),
        OAuth = GoogleConsent.Description,
        Cost = GoogleCosts.Model,
    };

    public IContactConnector Create(AccountSettings settings, ConnectorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var valid = GoogleContactsSettings.From(settings);
        var logger = context.LoggerFactory.CreateLogger<GoogleContactsConnector>();
        var tokenHttp = ConnectorHttp.Client(Label, context, limits, retry, logger);
        var tokenClient = new OAuthTokenClient(tokenHttp, new OAuthClientOptions(valid.TokenUrl, valid.ClientId, valid.ClientSecret), context.Time, logger);
        var tokens = new AccessTokenCache(tokenClient, valid.RefreshToken, context.Time);
        var api = ConnectorHttp.Client(Label, context, limits, retry, logger, new BearerTokenHandler(tokens));
        api.BaseAddress = valid.BaseUrl;
        return new GoogleContactsConnector(new PeopleClient(new JsonApiClient(api, Label, limits)), tokens, tokenHttp, valid.DefaultRegion, logger);
    }
}
