using System.Globalization;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>Times as Mailchimp's query parameters take them (its JSON is read with <see cref="Http.JsonFields"/>).</summary>
internal static class MailchimpTime
{
    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
}
