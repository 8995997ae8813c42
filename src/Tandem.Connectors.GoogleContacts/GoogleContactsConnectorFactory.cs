using Microsoft.Extensions.Logging;
using Tandem.Connectors.Catalog;
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
        Settings =
        [
            new SettingField(GoogleContactsSettings.ClientIdKey, "OAuth client ID", "Google Cloud console > APIs & Services > Credentials > OAuth 2.0 Client IDs (enable the People API first)."),
            new SettingField(GoogleContactsSettings.ClientSecretKey, "OAuth client secret", "Shown next to the client ID in the Google Cloud console.") { IsSecret = true },
            new SettingField(GoogleContactsSettings.RefreshTokenKey, "Refresh token", "Filled in when you sign in with Google on the consent page (scope https://www.googleapis.com/auth/contacts).") { IsSecret = true },
            new SettingField(GoogleContactsSettings.DefaultRegionKey, "Default phone region", "The two-letter country code (such as BE or US) of phone numbers written without a country code.") { IsRequired = false },
            new SettingField(GoogleContactsSettings.BaseUrlKey, "API base URL", "Leave empty for Google (https://people.googleapis.com/); the sandbox prints its own.") { IsRequired = false },
            new SettingField(GoogleContactsSettings.TokenUrlKey, "Token URL", "Leave empty for Google (https://oauth2.googleapis.com/token); the sandbox prints its own.") { IsRequired = false },
        ],
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
