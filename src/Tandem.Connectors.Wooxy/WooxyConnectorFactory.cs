using Microsoft.Extensions.Logging;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Wooxy.Internal;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Wooxy;

/// <summary>Creates connectors for Wooxy contact lists (app key <c>wooxy</c>).</summary>
public sealed class WooxyConnectorFactory : IConnectorFactory
{
    /// <summary>The app key in the catalogue.</summary>
    public const string App = "wooxy";

    private const string Label = "Wooxy";

    /// <summary>
    /// How long a write waits for Wooxy to process its request: a <c>request/find</c> after each pause (1 + 2 + 4 + 8 s).
    /// What is still pending then is settled on a later run.
    /// </summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultSettlementPauses = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)];

    private readonly RetryOptions retry;
    private readonly HttpLimits limits;
    private readonly IReadOnlyList<TimeSpan> settlementPauses;

    /// <param name="retry">How calls are retried; tests pass short delays.</param>
    /// <param name="limits">Body cap, answer deadline and listing budget; null for <see cref="HttpLimits.Default"/>.</param>
    /// <param name="settlementPauses">The pauses before each <c>request/find</c> of a write; null for <see cref="DefaultSettlementPauses"/>.</param>
    public WooxyConnectorFactory(RetryOptions? retry = null, HttpLimits? limits = null, IReadOnlyList<TimeSpan>? settlementPauses = null)
    {
        this.retry = retry ?? RetryOptions.Default;
        this.limits = limits ?? HttpLimits.Default;
        this.settlementPauses = settlementPauses ?? DefaultSettlementPauses;
    }

    /// <summary>
    /// Write-only (no listing, no feed), a list-style target that may delete when the user turns it on, batches of 100
    /// (Wooxy's records per request), and an identifier required of every contact.
    /// </summary>
    internal static ConnectorCapabilities Capabilities { get; } = new()
    {
        ChangeFeed = ChangeFeedKind.None,
        CanDelete = true,
        ReadBatchSize = 1,
        WriteBatchSize = WooxyClient.MaxPerTransaction,
        RateLimit = null,
        RequiredIdentifiers = [StandardFieldKeys.Emails, StandardFieldKeys.Phones, WooxySchema.UserId],
    };

    public ConnectorDescriptor Descriptor { get; } = new(App, "Wooxy")
    {
        Capabilities = Capabilities,
        Settings = SettingsForm.Fields<WooxySettings>(),
    };

    public IContactConnector Create(AccountSettings settings, ConnectorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var valid = WooxySettings.From(settings);
        var logger = context.LoggerFactory.CreateLogger<WooxyConnector>();
        var http = ConnectorHttp.Client(Label, context, limits, retry, logger, new AccessTokenHandler(valid.AccessToken));
        http.BaseAddress = valid.BaseUrl;
        return new WooxyConnector(new WooxyClient(new JsonApiClient(http, Label, limits)), valid, settlementPauses, context.Time);
    }
}
