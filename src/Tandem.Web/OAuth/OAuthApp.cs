using Tandem.Connectors.Catalog;

namespace Tandem.Web.OAuth;

/// <summary>One app's consent with the client Tandem signs in with: the operator's, or the sandbox's demo client.</summary>
/// <param name="App">The app's key.</param>
/// <param name="Provider">The connector's description of its consent.</param>
/// <param name="ClientId">The client id.</param>
/// <param name="ClientSecret">The client secret; never logged.</param>
/// <param name="AuthorizeUrl">The consent page.</param>
/// <param name="TokenUrl">Where the code is exchanged.</param>
/// <param name="SandboxValues">The sandbox's non-secret settings (its API address, its audience) when the client is the sandbox's, else empty.</param>
public sealed record OAuthApp(
    string App,
    OAuthDescription Provider,
    string ClientId,
    string ClientSecret,
    Uri AuthorizeUrl,
    Uri TokenUrl,
    IReadOnlyDictionary<string, string> SandboxValues)
{
    public bool IsSandbox => SandboxValues.Count > 0;

    // Keeps the client secret out of logs that print the record.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"App = {App}, ClientId = {ClientId}, AuthorizeUrl = {AuthorizeUrl}, TokenUrl = {TokenUrl}, IsSandbox = {IsSandbox}");
        return true;
    }
}
