using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>
/// Mailchimp allows 10 simultaneous connections per user, whatever the integration: two Tandem connections of the same
/// Mailchimp login (two audiences, or the same audience twice) share those 10. One gate per credential for the whole
/// process, keyed by a hash of the server and the API key or access token (never the secret itself). Two different keys of one
/// Mailchimp user are two gates: telling them apart would cost a metadata call per connector.
/// </summary>
internal static class MailchimpUserGates
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate of the user this credential (with the server it is for) belongs to.</summary>
    public static SemaphoreSlim For(string credential) =>
        Gates.GetOrAdd(
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credential))),
            _ => new SemaphoreSlim(MailchimpClient.MaxConnections, MailchimpClient.MaxConnections));
}
