using Tandem.Connectors.Http;

namespace Tandem.Connectors.CardDav;

/// <summary>
/// Operator settings of the CardDAV connector (not per account). Server URLs come from users, so by
/// default Tandem refuses to reach loopback, private, link-local and other internal addresses: a user
/// must not be able to make the server probe its own network. The host's <see cref="NetworkPolicy"/>
/// (in the connector context) applies first; these can only add to what it allows.
/// </summary>
public sealed record CardDavOptions
{
    /// <summary>Allow every internal address (a self-hosted Tandem whose address books live on the LAN).</summary>
    public bool AllowPrivateNetworks { get; init; }

    /// <summary>Host names or IP addresses allowed even when they are internal ("127.0.0.1", "dav.lan").</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>How long one request may wait for the answer's headers before the server counts as unreachable.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Body cap, answer deadline (body included) and listing budget. Larger than the JSON apps' by default: a first
    /// sync-collection or PROPFIND of a big address book is one streamed answer of several hundred bytes per card.
    /// </summary>
    public HttpLimits Limits { get; init; } = new() { MaxResponseBytes = 512L * 1024 * 1024, ResponseTimeout = TimeSpan.FromMinutes(10) };

    /// <summary>Cards per <c>addressbook-multiget</c> (and per listing page).</summary>
    public int MultigetBatchSize { get; init; } = 100;

    /// <summary>
    /// Writes of one batch in flight at once. Each PUT or DELETE carries its own precondition and its own result, so
    /// they are independent; a few at a time hide the server's per-request latency (CardDAV has no batch write).
    /// </summary>
    public int WriteConcurrency { get; init; } = 4;
}
