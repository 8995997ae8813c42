using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Tandem.Web.Identity.Users;

/// <summary>
/// Invitation links: the invited email and an expiry, protected with the server's sign-in keys, so nothing is stored
/// and nobody can make one up. One email signs up once (emails are unique), so a link works once.
/// </summary>
public sealed class Invitations(IDataProtectionProvider protection, TimeProvider time)
{
    /// <summary>How long a link works.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private readonly IDataProtector protector = protection.CreateProtector("Tandem.Invitations.v1");

    /// <summary>The token of an invitation for <paramref name="email"/> and when it expires.</summary>
    public (string Token, DateTimeOffset ExpiresAt) Create(string email)
    {
        var expires = time.GetUtcNow() + Lifetime;
        var payload = expires.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "\n" + email;
        return (protector.Protect(payload), expires);
    }

    /// <summary>The email an unexpired, genuine <paramref name="token"/> invites, or null.</summary>
    public string? EmailOf(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        string payload;
        try
        {
            payload = protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('\n', 2);
        return parts.Length == 2 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var expires) && time.GetUtcNow().ToUnixTimeMilliseconds() < expires
            ? parts[1]
            : null;
    }
}
