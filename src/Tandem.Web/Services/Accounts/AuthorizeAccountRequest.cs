namespace Tandem.Web.Services.Accounts;

/// <summary>What the authorisation form sends for a new account.</summary>
/// <param name="App">The app's key.</param>
/// <param name="Name">What to call the account; empty uses the app's name.</param>
/// <param name="Values">The form's values by setting key, secrets included.</param>
/// <param name="UseSandbox">Fill every value left empty from the app's sandbox (sandbox mode only).</param>
public sealed record AuthorizeAccountRequest(string App, string? Name, IReadOnlyDictionary<string, string>? Values, bool UseSandbox = false)
{
    // Keeps secrets out of logs that print the record.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"App = {App}, Name = {Name}, Values = [{Values?.Count ?? 0}], UseSandbox = {UseSandbox}");
        return true;
    }
}
