namespace Tandem.Connectors.Catalog;

/// <summary>
/// How an app's accounts are authorised on the provider's consent page (RFC 6749 §4.1, the authorisation code grant):
/// its public endpoints, what the consent request carries, how the client authenticates at the token endpoint, and
/// which settings the answer becomes. The host's consent flow reads only this, so it never names a provider.
/// </summary>
/// <param name="AuthorizeUrl">The provider's consent page.</param>
/// <param name="TokenUrl">The provider's token endpoint.</param>
/// <param name="Settings">The account's settings from a finished consent; throws <see cref="Contract.ConnectorException"/> when the answer cannot keep the account connected.</param>
public sealed record OAuthDescription(Uri AuthorizeUrl, Uri TokenUrl, Func<OAuthGrant, IReadOnlyDictionary<string, string>> Settings)
{
    /// <summary>The scope asked for, or null when the provider takes none (its scopes are chosen on the app instead).</summary>
    public string? Scope { get; init; }

    /// <summary>True when the provider accepts PKCE (RFC 7636, S256).</summary>
    public bool UsesPkce { get; init; }

    /// <summary>Further query parameters of the consent request.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExtraParameters { get; init; } = [];

    /// <summary>True when the token endpoint takes the client credentials as HTTP Basic only, not in the form body.</summary>
    public bool UsesBasicAuthentication { get; init; }
}
