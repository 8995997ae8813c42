namespace Tandem.Connectors.Http;

/// <summary>An OAuth 2.0 client registered with a provider: its token endpoint and credentials.</summary>
/// <param name="TokenEndpoint">Where codes and refresh tokens are exchanged (overridable for sandboxes).</param>
/// <param name="ClientId">The client id.</param>
/// <param name="ClientSecret">The client secret; never logged.</param>
public sealed record OAuthClientOptions(Uri TokenEndpoint, string ClientId, string ClientSecret)
{
    /// <summary>
    /// True to send the client credentials as HTTP Basic (Pipedrive), false to send them in the form body
    /// (Google accepts both; RFC 6749 §2.3.1 lets the provider choose).
    /// </summary>
    public bool UseBasicAuthentication { get; init; }

    /// <summary>Renew this long before the provider's expiry, so a token never expires in flight.</summary>
    public TimeSpan ExpirySkew { get; init; } = TimeSpan.FromMinutes(1);
}
