namespace Tandem.Runtime.Operations;

/// <summary>
/// The files beside the database that its data cannot be used without: the master key that opens the accounts'
/// secrets, the web server's webhook key (every registered webhook URL is derived from it) and its sign-in keys
/// (users' cookies and the tokens of pending OAuth authorisations). A backup carries them with the database.
/// </summary>
public static class KeyMaterial
{
    /// <summary>The web server's webhook key file, in its data folder.</summary>
    public const string WebhookKeyFile = "webhook.key";

    /// <summary>The web server's sign-in keys folder (ASP.NET Core data protection), in its data folder.</summary>
    public const string SignInKeysFolder = "sign-in-keys";
}
