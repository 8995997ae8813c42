namespace Tandem.Storage.Accounts;

/// <summary>An account to store: what the user authorised, before it has an id.</summary>
/// <param name="OwnerId">The user or team it belongs to; null in single-user mode.</param>
/// <param name="App">The app key, e.g. <c>pipedrive</c>.</param>
/// <param name="Name">What the user sees, e.g. the login or company name.</param>
/// <param name="Settings">Non-secret settings (data centre, audience id, service URL…).</param>
/// <param name="Secrets">Tokens, keys and passwords; stored only encrypted.</param>
public sealed record NewAccount(
    string? OwnerId,
    string App,
    string Name,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyDictionary<string, string> Secrets)
{
    // Keeps secrets out of logs and exception messages that print the record.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"OwnerId = {OwnerId}, App = {App}, Name = {Name}, Settings = [{Settings.Count}], Secrets = [redacted]");
        return true;
    }
}
