namespace Tandem.Connectors.Http;

/// <summary>
/// Holds the current access token of one account and refreshes it with the refresh token when it
/// expires (or when the app refused it). Concurrent callers share one refresh.
/// </summary>
public sealed class AccessTokenCache : IDisposable
{
    private readonly OAuthTokenClient client;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private string refreshToken;
    private OAuthTokens? current;

    public AccessTokenCache(OAuthTokenClient client, string refreshToken, TimeProvider time)
    {
        this.client = client;
        this.refreshToken = refreshToken;
        this.time = time;
    }

    /// <summary>A valid access token, refreshed first when the cached one expired.</summary>
    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Valid(current) is { } token)
        {
            return token;
        }

        await refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Valid(current) is { } again)
            {
                return again;
            }

            var tokens = await client.RefreshAsync(refreshToken, cancellationToken).ConfigureAwait(false);
            refreshToken = tokens.RefreshToken ?? refreshToken;
            current = tokens;
            return tokens.AccessToken;
        }
        finally
        {
            refreshing.Release();
        }
    }

    /// <summary>Forgets <paramref name="accessToken"/> (the app answered 401 to it), unless it was replaced already.</summary>
    public void Invalidate(string accessToken)
    {
        var seen = current;
        if (seen is not null && seen.AccessToken == accessToken)
        {
            Interlocked.CompareExchange(ref current, null, seen);
        }
    }

    public void Dispose() => refreshing.Dispose();

    private string? Valid(OAuthTokens? tokens) => tokens is not null && tokens.ExpiresAt > time.GetUtcNow() ? tokens.AccessToken : null;
}
