using Tandem.Connectors.Http;

namespace Tandem.Web.OAuth;

/// <summary>
/// What Tandem knows of one provider's OAuth: its public endpoints, the scope it asks for, whether it takes PKCE,
/// and which of the connector's settings the client and the issued tokens become.
/// </summary>
/// <param name="App">The app's key.</param>
/// <param name="AuthorizeUrl">The provider's consent page.</param>
/// <param name="TokenUrl">The provider's token endpoint.</param>
/// <param name="Scope">The scope asked for, or null when the provider takes none.</param>
/// <param name="UsesPkce">True when the provider accepts PKCE (RFC 7636, S256).</param>
/// <param name="ExtraParameters">Further query parameters of the consent page.</param>
/// <param name="Fills">The settings the consent flow fills (the client, the token, the provider's addresses): never asked of the user.</param>
/// <param name="Values">The account's values from the client and the tokens.</param>
public sealed record OAuthProvider(
    string App,
    Uri AuthorizeUrl,
    Uri TokenUrl,
    string? Scope,
    bool UsesPkce,
    IReadOnlyList<KeyValuePair<string, string>> ExtraParameters,
    IReadOnlyList<string> Fills,
    Func<OAuthApp, OAuthTokens, IReadOnlyDictionary<string, string>> Values)
{
    /// <summary>True when the token endpoint takes the client credentials as HTTP Basic only (Pipedrive), not in the form.</summary>
    public bool UsesBasicAuthentication { get; init; }
}
