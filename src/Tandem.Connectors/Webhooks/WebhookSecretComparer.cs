using System.Security.Cryptography;
using System.Text;

namespace Tandem.Connectors.Webhooks;

/// <summary>Compares a secret a delivery carries with the connection's, in constant time (no timing hint to a guesser).</summary>
public static class WebhookSecretComparer
{
    /// <summary>True when <paramref name="given"/> is exactly <paramref name="secret"/>; false when it is missing.</summary>
    public static bool Matches(string? given, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(secret));
    }
}
