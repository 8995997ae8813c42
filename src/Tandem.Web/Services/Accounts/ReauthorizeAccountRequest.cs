namespace Tandem.Web.Services.Accounts;

/// <summary>New values for an account (an expired or changed key). Values left out keep what is stored.</summary>
/// <param name="Values">The form's values by setting key, secrets included.</param>
/// <param name="UseSandbox">Fill every value left empty from the app's sandbox.</param>
public sealed record ReauthorizeAccountRequest(IReadOnlyDictionary<string, string>? Values, bool UseSandbox = false)
{
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Values = [{Values?.Count ?? 0}], UseSandbox = {UseSandbox}");
        return true;
    }
}
