using Microsoft.Extensions.Logging;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;
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

    /// <summary>How errors name the app.</summary>
    private const string Label = "Pipedrive";

    private readonly RetryOptions retry;
    private readonly HttpLimits limits;

    /// <param name="retry">How calls are retried; tests pass short delays.</param>
    /// <param name="limits">Body cap, answer deadline and listing budget; null for <see cref="HttpLimits.Default"/>.</param>
    public PipedriveConnectorFactory(RetryOptions? retry = null, HttpLimits? limits = null)
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
        Settings = SettingsForm.Fields<PipedriveSettings>(),
        OAuth = PipedriveConsent.Description,
        Cost = PipedriveCosts.Model,
    };

    public IContactConnector Create(AccountSettings settings, ConnectorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var valid = PipedriveSettings.From(settings);
        var logger = context.LoggerFactory.CreateLogger<PipedriveConnector>();
        if (valid.OAuth is { } oauth)
        {
            // OAuth: Bearer tokens from the refresh token, calls to the company's api_domain unless a base URL is given; a 401 refreshes once.
            var tokenHttp = ConnectorHttp.Client(Label, context, limits, retry, logger);
            var apiDomain = new ApiDomain(context.Network);
            var tokenClient = new OAuthTokenClient(
                tokenHttp,
                new OAuthClientOptions(oauth.TokenUrl, oauth.ClientId, oauth.ClientSecret) { UseBasicAuthentication = true },
                context.Time,
                logger)
            {
                OnAnswer = valid.UsesApiDomain ? apiDomain.Capture : null,
            };
            var tokens = new AccessTokenCache(tokenClient, oauth.RefreshToken, context.Time);

            // No base URL in the settings: calls go to the company's api_domain, learnt with the first token.
            DelegatingHandler[] outer = valid.UsesApiDomain ? [new BearerTokenHandler(tokens), new ApiDomainHandler(apiDomain, valid.BaseUrl)] : [new BearerTokenHandler(tokens)];
            var api = ConnectorHttp.Client(Label, context, limits, retry, logger, outer);
            api.BaseAddress = valid.BaseUrl;
            return new PipedriveConnector(new PipedriveClient(new JsonApiClient(api, Label, limits, tokens, tokenHttp)), context.Time, logger);
        }

        var http = ConnectorHttp.Client(Label, context, limits, retry, logger);
        http.BaseAddress = valid.BaseUrl;

        // The token goes in a header, never the query string, so it stays out of URLs and logs.
        http.DefaultRequestHeaders.Add("x-api-token", valid.ApiToken!);
        return new PipedriveConnector(new PipedriveClient(new JsonApiClient(http, Label, limits)), context.Time, logger);
    }
}
