using Microsoft.Extensions.Logging;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Pipedrive.Internal;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.Pipedrive;

/// <summary>Creates connectors for Pipedrive companies (app key <c>pipedrive</c>), authorised by API token.</summary>
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
        Filters = StandardFilters.FieldsTagsAndSubscription,
        Actions = [ActionKind.AddTag, ActionKind.SetField, ActionKind.Unsubscribe],
    };

    public ConnectorDescriptor Descriptor { get; } = new(App, "Pipedrive")
    {
        Capabilities = Capabilities,
        Settings =
        [
            new SettingField(PipedriveSettings.ApiTokenKey, "API token", "Pipedrive > Personal preferences > API > Your personal API token.") { IsSecret = true },
            new SettingField(PipedriveSettings.CompanyDomainKey, "Company domain", "The subdomain of your Pipedrive address, such as 'acme' for acme.pipedrive.com; leave empty for api.pipedrive.com.") { IsRequired = false },
            new SettingField(PipedriveSettings.BaseUrlKey, "API base URL", "Leave empty for Pipedrive; the sandbox prints its own.") { IsRequired = false },
        ],
    };

    public IContactConnector Create(AccountSettings settings, ConnectorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var valid = PipedriveSettings.From(settings);
        var logger = context.LoggerFactory.CreateLogger<PipedriveConnector>();
        var http = new HttpClient(new RetryHandler(retry, context.Time, logger) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = valid.BaseUrl,

            // Each attempt has its own timeout in the retry handler.
            Timeout = Timeout.InfiniteTimeSpan,
        };

        // The token goes in a header, never the query string, so it stays out of URLs and logs.
        http.DefaultRequestHeaders.Add("x-api-token", valid.ApiToken);
        return new PipedriveConnector(new PipedriveClient(http), context.Time, logger);
    }
}
