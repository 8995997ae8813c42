namespace Tandem.Runtime.Setup;

/// <summary>An account of a set-up file, its secrets already resolved (from the file or the environment).</summary>
/// <param name="Name">The name accounts are matched by when the file is applied again.</param>
/// <param name="App">The app key, e.g. <c>vcard-folder</c>.</param>
/// <param name="Settings">Non-secret settings, each a known setting of the app.</param>
/// <param name="Secrets">Secret settings, in memory only: never log or print them.</param>
public sealed record SetupAccount(
    string Name,
    string App,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyDictionary<string, string> Secrets)
{
    // Keeps secrets out of logs and exception messages that print the record.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Name = {Name}, App = {App}, Settings = [{Settings.Count}], Secrets = [redacted]");
        return true;
    }
}
