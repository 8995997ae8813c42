using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Tandem.Web.OAuth;

/// <summary>
/// The <c>state</c> of each consent page a user was sent to, kept on the server: random, bound to the user,
/// single-use and valid for <see cref="Lifetime"/>. A state is spent the first time it comes back, whoever brings
/// it: one that reached someone else is no longer safe to honour.
/// </summary>
public sealed class OAuthStates(TimeProvider time)
{
    /// <summary>How long a user has to come back from the consent page.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, PendingAuthorization> pending = new(StringComparer.Ordinal);

    /// <summary>When a new state would expire.</summary>
    public DateTimeOffset NewExpiry() => time.GetUtcNow() + Lifetime;

    /// <summary>Remembers <paramref name="authorization"/> and gives the state that names it.</summary>
    public string Add(PendingAuthorization authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        Sweep();
        var state = Base64Url(RandomNumberGenerator.GetBytes(32));
        pending[state] = authorization;
        return state;
    }

    /// <summary>Spends <paramref name="state"/> and gives what it names.</summary>
    /// <exception cref="OAuthRefusedException">Unknown or already used, expired, or started by another user.</exception>
    public PendingAuthorization Take(string? state, string userId)
    {
        if (string.IsNullOrEmpty(state) || !pending.TryRemove(state, out var authorization))
        {
            throw new OAuthRefusedException("This sign-in link was already used or is not one Tandem gave out; nothing was stored. Start again from the accounts page.");
        }

        if (authorization.ExpiresAt <= time.GetUtcNow())
        {
            throw new OAuthRefusedException($"This sign-in took longer than {Lifetime.TotalMinutes:0} minutes and expired; nothing was stored. Start again from the accounts page.");
        }

        if (!string.Equals(authorization.UserId, userId, StringComparison.Ordinal))
        {
            throw new OAuthRefusedException("This sign-in was started by another Tandem user; nothing was stored. Start again from your own accounts page.");
        }

        return authorization;
    }

    /// <summary>A new PKCE verifier (RFC 7636 §4.1: 43 characters from 32 random bytes).</summary>
    public static string NewCodeVerifier() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The S256 challenge of <paramref name="verifier"/> (RFC 7636 §4.2).</summary>
    public static string Challenge(string verifier) => Base64Url(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (key, value) in pending)
        {
            if (value.ExpiresAt <= now)
            {
                pending.TryRemove(key, out _);
            }
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
