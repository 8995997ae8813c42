namespace Tandem.Sandbox;

/// <summary>
/// How to connect to a running sandbox: its demo values (public, nobody's secrets) and, where it simulates the
/// vendor's consent page, its demo OAuth client.
/// </summary>
/// <param name="Values">
/// What <c>tandem sandbox</c> prints, in order: the connector's settings to connect with (under the connector's own
/// keys, so they can be pasted into a set-up file or pre-fill the form), and any other demo value worth showing.
/// </param>
public sealed record SandboxConnection(IReadOnlyList<KeyValuePair<string, string>> Values)
{
    /// <summary>The demo client of the sandbox's consent page, or null when it has none.</summary>
    public SandboxOAuthClient? OAuth { get; init; }
}
