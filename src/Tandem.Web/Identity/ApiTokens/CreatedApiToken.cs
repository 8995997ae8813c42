namespace Tandem.Web.Identity.ApiTokens;

/// <summary>A token just made: <see cref="Token"/> is shown this once and never again (only its hash is stored).</summary>
public sealed record CreatedApiToken(ApiTokenView Info, string Token)
{
    // Keeps the token out of logs that print the record.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Info = {Info}, Token = [redacted]");
        return true;
    }
}
