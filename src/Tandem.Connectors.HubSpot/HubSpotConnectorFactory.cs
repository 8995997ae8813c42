using Microsoft.Extensions.Logging;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;
using Tandem.Connectors.Contract;
using Tandem.Connectors.HubSpot.Internal;
using Tandem.Connectors.HubSpot.Webhooks;
using Tandem.Connectors.Http;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.HubSpot;

/// <summary>Creates connectors for HubSpot portals (app key <c>hubspot</c>), authorised by a private app token or OAuth 2.0.</summary>
public sealed class HubSpotConnectorFactory : IConnectorFactory
{
    /// <summary>The app key in the catalogue.</summary>
    public const string App = "hubspot";

    /// <summary>How errors name the app.</summary>
    private const string Label = "HubSpot";

    private readonly RetryOptions retry;
    private readonly HttpLimits limits;

    /// <param name="retry">How calls are retried; tests pass short delays.</param>
    /// <param name="limits">Body cap, answer deadline and listing budget; null for <see cref="HttpLimits.Default"/>.</param>
    public HubSpotConnectorFactory(RetryOptions? retry = null, HttpLimits? limits = null)
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
        HasWebhooks = true,

        // HubSpot has no tags: Tandem's tags (Tandem Trash, Tandem Unsubscribes included) are static lists.
        TagContainer = "static lists",
        ReadBatchSize = 100,
        WriteBatchSize = 100,
        RateLimit = new RateLimit(190, TimeSpan.FromSeconds(10)),
        Filters = StandardFilters.FieldsTagsAndSubscription,
        Actions = [ActionKind.AddTag, ActionKind.SetField, ActionKind.Unsubscribe],
    };

    public ConnectorDescriptor Descriptor { get; } = new(App, "HubSpot")
    {
        Webhooks = new HubSpotWebhookVerifier(TimeProvider.System),
        Vocabulary = HubSpotVocabulary.For(Capabilities),
        Capabilities = Capabilities,
        Settings = SettingsForm.Fields<HubSpotSettings>(),
        OAuth = HubSpotConsent.Description,
    };

    public IContactConnector Create(AccountSettings settings, ConnectorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var valid = HubSpotSettings.From(settings);
        var logger = context.LoggerFactory.CreateLogger<HubSpotConnector>();
        if (valid.UsesOAuth)
        {
            // OAuth: 30-minute Bearer tokens from the portal's refresh token; a 401 refreshes once.
            var tokenHttp = ConnectorHttp.Client(Label, context, limits, retry, logger);
            var tokenClient = new OAuthTokenClient(tokenHttp, new OAuthClientOptions(valid.TokenUrl, valid.ClientId!, valid.ClientSecret!), context.Time, logger);
            var tokens = new AccessTokenCache(tokenClient, valid.RefreshToken!, context.Time);
            var api = ConnectorHttp.Client(Label, context, limits, retry, logger, new BearerTokenHandler(tokens));
            api.BaseAddress = valid.BaseUrl;
            var oauthPacer = SearchPacer.For(valid.BaseUrl, valid.ClientId + "|" + valid.RefreshToken, context.Time);
            return new HubSpotConnector(new HubSpotClient(new JsonApiClient(api, Label, limits, tokens, tokenHttp), oauthPacer), valid.DefaultRegion, context.Time, logger);
        }

        var http = ConnectorHttp.Client(Label, context, limits, retry, logger);
        http.BaseAddress = valid.BaseUrl;
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", valid.AccessToken);
        return new HubSpotConnector(new HubSpotClient(new JsonApiClient(http, Label, limits), SearchPacer.For(valid.BaseUrl, valid.AccessToken!, context.Time)), valid.DefaultRegion, context.Time, logger);
    }
}
