namespace Tandem.Sandbox.Woodpecker;

/// <summary>The Woodpecker sandbox as hosts start and connect to it.</summary>
public static class WoodpeckerSandboxApp
{
    public static SandboxApp Description { get; } = SandboxApp.Of("woodpecker", "Woodpecker", () => new WoodpeckerSandbox(), Connect);

    private static SandboxConnection Connect(WoodpeckerSandbox sandbox, Uri url) =>
        new(
        [
            new("apiKey", sandbox.Options.ApiKey),
            new("baseUrl", url.ToString()),
        ]);
}
