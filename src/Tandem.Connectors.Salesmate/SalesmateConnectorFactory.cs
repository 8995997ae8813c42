using Microsoft.Extensions.Logging;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Salesmate.Internal;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.Salesmate;

/// <summary>Creates connectors for Salesmate accounts (app key <c>salesmate</c>), authorised by subdomain and session key.</summary>
public sealed class SalesmateConnectorFactory : IConnectorFactory
{
    /// <summary>The app key in the catalogue.</summary>
    public const string App = "salesmate";

    /// <summary>How errors name the app.</summary>
    private const string Label = "Salesmate";

    private readonly RetryOptions retry;
    private readonly HttpLimits limits;

    /// <param name="retry">How calls are retried; tests pass short delays.</param>
    /// <param name="limits">Body cap, answer deadline and listing budget; null for <see cref="HttpLimits.Default"/>.</param>
    public SalesmateConnectorFactory(RetryOptions? retry = null, HttpLimits? limits = null)
    {
        this.retry = retry ?? RetryOptions.Default;
        this.limits = limits ?? HttpLimits.Default;
    }

    internal static ConnectorCapabilities Capabilities { get; } = new()
    {
        // No deleted-record feed is documented: complete version listings show deletions ("gets deleted", sync deletions).
        ChangeFeed = ChangeFeedKind.VersionListing,
        DetectsDeletions = true,
        TagContainer = "tags",
        ReadBatchSize = SalesmateClient.MaxRows,
        // No batch endpoint: a batch's writes go one call each, its reads (before updates, after writes) one search per 250.
        WriteBatchSize = SalesmateClient.MaxRows,
        Filters = [.. StandardFilters.FieldsAndTags, FilterKind.GetsDeleted],
        Actions = [ActionKind.AddTag, ActionKind.SetField],
    };

    public ConnectorDescriptor Descriptor { get; } = new(App, "Salesmate")
    {
        Vocabulary = SalesmateVocabulary.For(Capabilities),
        Capabilities = Capabilities,
        Settings = SettingsForm.Fields<SalesmateSettings>(),
    };

    public IContactConnector Create(AccountSettings settings, ConnectorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var valid = SalesmateSettings.From(settings);
        var logger = context.LoggerFactory.CreateLogger<SalesmateConnector>();
        var http = ConnectorHttp.Client(Label, context, limits, retry, logger);
        http.BaseAddress = valid.BaseUrl;

        // The key goes in a header, never the query string, so it stays out of URLs and logs.
        http.DefaultRequestHeaders.Add("accessToken", valid.Token);
        http.DefaultRequestHeaders.Add("x-linkname", valid.LinkHost);
        return new SalesmateConnector(new SalesmateClient(new JsonApiClient(http, Label, limits)), valid.OwnerId, logger);
    }
}
