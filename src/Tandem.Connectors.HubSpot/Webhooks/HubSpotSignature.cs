using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tandem.Connectors.Webhooks;

namespace Tandem.Connectors.HubSpot.Webhooks;

/// <summary>
/// HubSpot's webhook signature v3 (HubSpot's "Validating requests" guide): <c>X-HubSpot-Signature-v3</c> is the base64
/// HMAC-SHA256, keyed with the app's client secret, of the method, the URI HubSpot called, the body and the
/// <c>X-HubSpot-Request-Timestamp</c> (epoch milliseconds) concatenated; a timestamp more than five minutes old is
/// refused, so a captured delivery cannot be replayed later.
/// </summary>
public sealed class HubSpotSignature(TimeProvider time)
{
    /// <summary>How old a delivery's timestamp may be (HubSpot's guide: five minutes).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public const string SignatureHeader = "X-HubSpot-Signature-v3";

    public const string TimestampHeader = "X-HubSpot-Request-Timestamp";

    /// <summary>The signature HubSpot sends for these values.</summary>
    public static string Sign(string clientSecret, string method, Uri uri, string body, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var source = method + uri.OriginalString + body + timestamp.ToString(CultureInfo.InvariantCulture);
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), Encoding.UTF8.GetBytes(source)));
    }

    /// <summary>Null when the delivery to <paramref name="uri"/> is signed with <paramref name="clientSecret"/> and fresh; otherwise why not, in words without secrets.</summary>
    public string? Refuse(WebhookDelivery delivery, Uri uri, string clientSecret)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (delivery.Header(SignatureHeader) is not { } signature)
        {
            return "no X-HubSpot-Signature-v3 header";
        }

        if (!long.TryParse(delivery.Header(TimestampHeader), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return "no readable X-HubSpot-Request-Timestamp header";
        }

        if (time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(timestamp) > MaxAge)
        {
            return "the delivery's timestamp is more than five minutes old";
        }

        var expected = Sign(clientSecret, delivery.Method, uri, delivery.BodyText, timestamp);
        return WebhookSecretComparer.Matches(signature, expected) ? null : "the signature does not match";
    }
}
