using Tandem.Web.Hosting;
using Tandem.Web.Sandbox;

namespace Tandem.Web.BrowserTests.Harness;

/// <summary>
/// The real Tandem server on 127.0.0.1 (free ports) over a fresh SQLite file in a temp folder, with the sandbox
/// apps beside it, as a user would run it; its static files come from Tandem.Web's build (Development mode).
/// </summary>
public sealed class BrowserServer : IAsyncDisposable
{
    private readonly string folder;

    private BrowserServer(TandemWebServer server, string folder)
    {
        Server = server;
        this.folder = folder;
    }

    public TandemWebServer Server { get; }

    public Uri BaseAddress => Server.BaseAddress;

    public HostedSandbox SandboxOf(string app) => Server.Sandbox.Find(app) ?? throw new InvalidOperationException($"No sandbox of {app} is running.");

    public static async Task<BrowserServer> StartAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "tandem-browser-tests", Guid.NewGuid().ToString("N"));
        string[] args =
        [
            "--environment=Development",
            "--Tandem:Port=0",
            $"--Tandem:DataFolder={folder}",
            "--Tandem:WatchIntervalSeconds=1",
            "--Tandem:PaceByCostModel=false",
            "--Tandem:Sandbox:Enabled=true",
            "--Tandem:Sandbox:BasePort=0",
            "--Logging:LogLevel:Default=Warning",
        ];
        var server = await TandemWebServer.CreateAsync(args, cancellationToken: cancellationToken);
        await server.StartAsync(cancellationToken);
        return new BrowserServer(server, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the temp folder is the system's to clean.
        }
    }
}
