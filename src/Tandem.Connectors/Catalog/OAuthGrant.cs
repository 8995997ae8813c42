using Tandem.Connectors.Http;

namespace Tandem.Connectors.Catalog;

/// <summary>A finished consent: the client Tandem signed in with, the endpoints it used, and the tokens it got.</summary>
/// <param name="ClientId">The client id (the operator's, or a sandbox's demo client).</param>
/// <param name="ClientSecret">The client secret; never logged.</param>
/// <param name="AuthorizeUrl">The consent page used (the provider's own, or a sandbox's).</param>
/// <param name="TokenUrl">The token endpoint used.</param>
/// <param name="Tokens">What the token endpoint answered.</param>
public sealed record OAuthGrant(string ClientId, string ClientSecret, Uri AuthorizeUrl, Uri TokenUrl, OAuthTokens Tokens)
{
    // Keeps the client secret out of logs that print the record.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"ClientId = {ClientId}, AuthorizeUrl = {AuthorizeUrl}, TokenUrl = {TokenUrl}");
        return true;
    }
}
