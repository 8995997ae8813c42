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

    private readonly RetryOptions retry;

    /// <param name="retry">How calls are retried; tests pass short delays.</param>
    public GoogleContactsConnectorFactory(RetryOptions? retry = null)
    {
        this.retry = retry ?? RetryOptions.Default;
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
    };

    public ConnectorDescriptor Descriptor { get; } = new(App, "Google Contacts")
    {
        UsesOAuth = true,
        Vocabulary = GoogleContactsVocabulary.For(Capabilities),
        Capabilities = Capabilities,
        Settings = SettingsForm.Fields<GoogleContactsSettings>(),
        OAuth = GoogleConsent.Description,
    };

    public IContactConnector Create(AccountSettings settings, ConnectorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var valid = GoogleContactsSettings.From(settings);
        var logger = context.LoggerFactory.CreateLogger<GoogleContactsConnector>();
        var tokenHttp = new HttpClient(new RetryHandler(retry, context.Time, logger) { InnerHandler = new SocketsHttpHandler() }) { Timeout = Timeout.InfiniteTimeSpan };
        var tokenClient = new OAuthTokenClient(tokenHttp, new OAuthClientOptions(valid.TokenUrl, valid.ClientId, valid.ClientSecret), context.Time, logger);
        var tokens = new AccessTokenCache(tokenClient, valid.RefreshToken, context.Time);
        var api = new HttpClient(new BearerTokenHandler(tokens) { InnerHandler = new RetryHandler(retry, context.Time, logger) { InnerHandler = new SocketsHttpHandler() } })
        {
            BaseAddress = valid.BaseUrl,

            // Each attempt has its own timeout in the retry handler.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        return new GoogleContactsConnector(new PeopleClient(api), tokens, tokenHttp, valid.DefaultRegion, logger);
    }
}
