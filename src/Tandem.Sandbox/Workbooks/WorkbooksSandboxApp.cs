namespace Tandem.Sandbox.Workbooks;

/// <summary>The Workbooks sandbox as hosts start and connect to it: the demo API key and the base URL.</summary>
public static class WorkbooksSandboxApp
{
    public static SandboxApp Description { get; } = SandboxApp.Of("workbooks", "Workbooks", () => new WorkbooksSandbox(), Connect);

    private static SandboxConnection Connect(WorkbooksSandbox sandbox, Uri url) =>
        new(
        [
            new("apiKey", sandbox.Options.ApiKey),
            new("baseUrl", url.ToString()),
        ]);
}
