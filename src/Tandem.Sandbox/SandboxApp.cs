namespace Tandem.Sandbox;

/// <summary>
/// A simulated app as it describes itself to hosts (<c>tandem sandbox</c>, the web server's hosted sandboxes): its
/// key and name, how to make a fresh seeded instance, and how to connect to one once it runs. Each sandbox keeps its
/// description in its own folder, so hosts never name a vendor.
/// </summary>
/// <param name="App">The app key, as the connector catalogue names it.</param>
/// <param name="Title">The app's name for people.</param>
/// <param name="Create">Makes a fresh, seeded instance.</param>
/// <param name="Connect">How to connect to an instance running at a base URL.</param>
public sealed record SandboxApp(string App, string Title, Func<ISandboxApp> Create, Func<ISandboxApp, Uri, SandboxConnection> Connect)
{
    /// <summary>A description whose <paramref name="connect"/> reads the sandbox's own type (its options).</summary>
    public static SandboxApp Of<TApp>(string app, string title, Func<TApp> create, Func<TApp, Uri, SandboxConnection> connect)
        where TApp : ISandboxApp
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(connect);
        return new(app, title, () => create(), (instance, url) => connect((TApp)instance, url));
    }
}
