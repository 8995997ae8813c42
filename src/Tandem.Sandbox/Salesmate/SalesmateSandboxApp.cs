namespace Tandem.Sandbox.Salesmate;

/// <summary>The Salesmate sandbox as hosts start and connect to it.</summary>
public static class SalesmateSandboxApp
{
    public static SandboxApp Description { get; } = SandboxApp.Of("salesmate", "Salesmate", () => new SalesmateSandbox(), Connect);

    // The current API's way: the link name and the session key as access token (the legacy access and secret keys are
    // accepted by the connector's form but not needed by the v4 API).
    private static SandboxConnection Connect(SalesmateSandbox sandbox, Uri url) =>
        new(
        [
            new("linkName", sandbox.Options.LinkName),
            new("accessToken", sandbox.Options.SessionKey),
            new("baseUrl", url.ToString()),
        ]);
}
