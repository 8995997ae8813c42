namespace Tandem.Storage.Accounts;

/// <summary>A connected account as read back, its secrets decrypted in memory only.</summary>
/// <param name="Id">A Guid in "N" format.</param>
/// <param name="OwnerId">The user or team it belongs to; null in single-user mode.</param>
/// <param name="App">The app key, e.g. <c>pipedrive</c>.</param>
/// <param name="Name">What the user sees.</param>
/// <param name="Settings">Non-secret settings.</param>
/// <param name="Secrets">Decrypted secrets: never log, show or return them through the API.</param>
/// <param name="CreatedAt">When the account was first stored.</param>
public sealed record StoredAccount(
    string Id,
    string? OwnerId,
    string App,
    string Name,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyDictionary<string, string> Secrets,
    DateTimeOffset CreatedAt)
{
    // Keeps secrets out of logs and exception messages that print the record.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Id = {Id}, OwnerId = {OwnerId}, App = {App}, Name = {Name}, Settings = [{Settings.Count}], Secrets = [redacted], CreatedAt = {CreatedAt:O}");
        return true;
    }
}
