namespace Tandem.Sandbox.Wooxy;

/// <summary>The Wooxy sandbox as hosts start and connect to it.</summary>
public static class WooxySandboxApp
{
    public static SandboxApp Description { get; } = SandboxApp.Of("wooxy", "Wooxy", () => new WooxySandbox(), Connect);

    // The API lives under /v3/ on the sandbox's own host; the demo domain's Default Contact List is the one synced.
    private static SandboxConnection Connect(WooxySandbox sandbox, Uri url) =>
        new(
        [
            new("accessToken", sandbox.Options.AccessToken),
            new("domain", sandbox.Options.Domain),
            new("contactList", WooxySandbox.DefaultListName),
            new("baseUrl", url.ToString()),
        ]);
}
