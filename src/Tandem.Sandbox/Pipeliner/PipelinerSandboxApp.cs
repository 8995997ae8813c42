namespace Tandem.Sandbox.Pipeliner;

/// <summary>The Pipeliner sandbox as hosts start and connect to it.</summary>
public static class PipelinerSandboxApp
{
    public static SandboxApp Description { get; } = SandboxApp.Of("pipeliner", "Pipeliner CRM", () => new PipelinerSandbox(), Connect);

    // The values a user reads in Pipeliner's "Show API Access" (token, password, space, service URL), then the user
    // and sales unit chosen: the demo space's first of each.
    private static SandboxConnection Connect(PipelinerSandbox sandbox, Uri url) =>
        new(
        [
            new("apiToken", sandbox.Options.ApiToken),
            new("apiPassword", sandbox.Options.ApiPassword),
            new("spaceId", sandbox.Options.SpaceId),
            new("serviceUrl", url.ToString()),
            new("ownerId", PipelinerSandbox.Clients[0].Id),
            new("salesUnitId", PipelinerSandbox.SalesUnits[0].Id),
        ]);
}
