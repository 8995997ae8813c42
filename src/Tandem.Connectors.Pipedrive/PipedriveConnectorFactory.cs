using Microsoft.Extensions.Logging;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Pipedrive.Internal;
using Tandem.Connectors.Pipedrive.Webhooks;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.Pipedrive;

/// <summary>Creates connectors for Pipedrive companies (app key <c>pipedrive</c>), authorised by API token or OAuth 2.0.</summary>
public sealed class PipedriveConnectorFactory : IConnectorFactory
{
    /// <summary>The app key in the catalogue.</summary>
    public const string App = "pipedrive";

    private readonly RetryOptions retry;

    /// <param name="retry">How calls are retried; tests pass short delays.</param>
    public PipedriveConnectorFactory(RetryOptions? retry = null)
    {
        this.retry = retry ?? RetryOptions.Default;
    }

    internal static ConnectorCapabilities Capabilities { get; } = new()
    {
        ChangeFeed = ChangeFeedKind.Cursor,
        DetectsDeletions = true,
        DetectsUnsubscribes = true,
        CanUnsubscribe = true,
        CanDelete = true,
        TagContainer = "labels",
        ReadBatchSize = 500,
        // No batch endpoint: a batch's writes go one call each, but its updates are read in one call (ids ≤ 100).
        WriteBatchSize = 100,
        HasWebhooks = true,
        Filters = StandardFilters.FieldsTagsAndSubscription,
        Actions = [ActionKind.AddTag, ActionKind.SetField, ActionKind.Unsubscribe],
    };

    public ConnectorDescriptor Descriptor { get; } = new(App, "Pipedrive")
    {
        Webhooks = new PipedriveWebhookVerifier(),
        Vocabulary = PipedriveVocabulary.For(Capabilities),
        Capabilities = Capabilities,
        Settings =
        [
            new SettingField(PipedriveSettings.ApiTokenKey, "API token", "Pipedrive > Personal preferences > API > Your personal API token. Leave empty when you connect with OAuth below.") { IsSecret = true, IsRequired = false },
            new SettingField(PipedriveSettings.ClientIdKey, "OAuth client ID", "Instead of the API token: Pipedrive Developer Hub > your app > OAuth & access scopes.") { IsRequired = false },
            new SettingField(PipedriveSettings.ClientSecretKey, "OAuth client secret", "Shown next to the client ID in the Developer Hub.") { IsSecret = true, IsRequired = false },
            new SettingField(PipedriveSettings.RefreshTokenKey, "Refresh token", "Filled in when the company approves the app on Pipedrive's consent page (scopes contacts:full, contact-fields:full, users:read, search:read).") { IsSecret = true, IsRequired = false },
            new SettingField(PipedriveSettings.CompanyDomainKey, "Company domain", "The subdomain of your Pipedrive address, such as 'acme' for acme.pipedrive.com; leave empty for api.pipedrive.com (with OAuth: for the api_domain Pipedrive answers with each token).") { IsRequired = false },
            new SettingField(PipedriveSettings.BaseUrlKey, "API base URL", "Leave empty for Pipedrive; the sandbox prints its own.") { IsRequired = false },
            new SettingField(PipedriveSettings.TokenUrlKey, "Token URL", "Leave empty for Pipedrive (https://oauth.pipedrive.com/oauth/token); the sandbox prints its own.") { IsRequired = false },
        ],
    };

    public IContactConnector Create(AccountSettings settings, ConnectorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var valid = PipedriveSettings.From(settings);
        var logger = context.LoggerFactory.CreateLogger<PipedriveConnector>();
        if (valid.OAuth is { } oauth)
        {
            // OAuth: Bearer tokens from the refresh token, calls to the company's api_domain unless a base URL is given; a 401 refreshes once.
            var tokenHttp = new HttpClient(new RetryHandler(retry, context.Time, logger) { InnerHandler = new SocketsHttpHandler() }) { Timeout = Timeout.InfiniteTimeSpan };
            var apiDomain = new ApiDomain();
            var tokenClient = new OAuthTokenClient(
                tokenHttp,
                new OAuthClientOptions(oauth.TokenUrl, oauth.ClientId, oauth.ClientSecret) { UseBasicAuthentication = true },
                context.Time,
                logger)
            {
                OnAnswer = valid.UsesApiDomain ? apiDomain.Capture : null,
            };
            var tokens = new AccessTokenCache(tokenClient, oauth.RefreshToken, context.Time);
            HttpMessageHandler transport = new RetryHandler(retry, context.Time, logger) { InnerHandler = new SocketsHttpHandler() };
            if (valid.UsesApiDomain)
            {
                // No base URL in the settings: calls go to the company's api_domain, learnt with the first token.
                transport = new ApiDomainHandler(apiDomain, valid.BaseUrl) { InnerHandler = transport };
            }

            var api = new HttpClient(new BearerTokenHandler(tokens) { InnerHandler = transport })
            {
                BaseAddress = valid.BaseUrl,
                Timeout = Timeout.InfiniteTimeSpan,
            };
            return new PipedriveConnector(new PipedriveClient(api, tokens, tokenHttp), context.Time, logger);
        }

        var http = new HttpClient(new RetryHandler(retry, context.Time, logger) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = valid.BaseUrl,

            // Each attempt has its own timeout in the retry handler.
            Timeout = Timeout.InfiniteTimeSpan,
        };

        // The token goes in a header, never the query string, so it stays out of URLs and logs.
        http.DefaultRequestHeaders.Add("x-api-token", valid.ApiToken!);
        return new PipedriveConnector(new PipedriveClient(http), context.Time, logger);
    }
}
