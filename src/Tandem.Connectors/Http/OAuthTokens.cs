namespace Tandem.Connectors.Http;

/// <summary>The tokens a token endpoint issued.</summary>
/// <param name="AccessToken">The bearer token.</param>
/// <param name="ExpiresAt">When the access token stops working (already shortened by the client's skew).</param>
/// <param name="RefreshToken">A refresh token when the provider issued one (always on a code exchange with offline access).</param>
public sealed record OAuthTokens(string AccessToken, DateTimeOffset ExpiresAt, string? RefreshToken)
{
    /// <summary>Keeps the access token and its expiry out of logs and exception messages.</summary>
    public override string ToString() => $"OAuthTokens {{ ExpiresAt = {ExpiresAt:O} }}";
}
