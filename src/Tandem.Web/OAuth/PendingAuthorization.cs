namespace Tandem.Web.OAuth;

/// <summary>What Tandem remembers between sending a user to a consent page and their coming back.</summary>
/// <param name="UserId">The user who started it: only they can finish it.</param>
/// <param name="App">The app's key.</param>
/// <param name="AccountId">The account being re-authorised, or null for a new one.</param>
/// <param name="Name">What to call a new account, or null for the app's name.</param>
/// <param name="Values">Non-secret settings the user gave before leaving (such as an audience to sync).</param>
/// <param name="CodeVerifier">The PKCE verifier, or null when the provider takes no PKCE; never logged.</param>
/// <param name="RedirectUri">The callback the code was issued for (the exchange must name it again).</param>
/// <param name="ExpiresAt">After this the state is refused.</param>
public sealed record PendingAuthorization(
    string UserId,
    string App,
    string? AccountId,
    string? Name,
    IReadOnlyDictionary<string, string> Values,
    string? CodeVerifier,
    Uri RedirectUri,
    DateTimeOffset ExpiresAt)
{
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"App = {App}, AccountId = {AccountId}, ExpiresAt = {ExpiresAt:O}");
        return true;
    }
}
