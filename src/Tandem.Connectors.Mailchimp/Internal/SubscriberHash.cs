using System.Security.Cryptography;
using System.Text;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>Mailchimp's name for a member in URLs: the MD5 of the lower-cased email address, in lower-case hex.</summary>
internal static class SubscriberHash
{
    public static string Of(string email)
    {
#pragma warning disable CA5351 // Mailchimp's protocol names members by this MD5; it is an identifier, not a secret.
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
#pragma warning restore CA5351
    }
}
