using Tandem.Sandbox;
using Tandem.Web.Hosting;

namespace Tandem.Web.Sandbox;

/// <summary>
/// Every sandbox of the app catalogue hosted beside the server on 127.0.0.1 with its demo data, so a newcomer can connect them and watch contacts flow with no account
/// anywhere. Empty when the sandbox is off. The data lives in memory: a restart starts from the same seed.
/// </summary>
public sealed class HostedSandboxes : IAsyncDisposable
{
    private readonly Dictionary<string, HostedSandbox> apps;

    private HostedSandboxes(Dictionary<string, HostedSandbox> apps)
    {
        this.apps = apps;
    }

    /// <summary>No sandbox apps.</summary>
    public static HostedSandboxes None { get; } = new(new Dictionary<string, HostedSandbox>(StringComparer.OrdinalIgnoreCase));

    public IReadOnlyCollection<HostedSandbox> All => apps.Values;

    /// <summary>The sandbox of an app, or null when it has none (or the sandbox is off).</summary>
    public HostedSandbox? Find(string app) => apps.GetValueOrDefault(app);

    /// <summary>Starts <paramref name="sandboxes"/> in their order (the ports follow it), or none when the sandbox is off.</summary>
    public static async Task<HostedSandboxes> StartAsync(SandboxOptions options, IReadOnlyList<SandboxApp> sandboxes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sandboxes);
        if (!options.Enabled)
        {
            return None;
        }

        var started = new Dictionary<string, HostedSandbox>(StringComparer.OrdinalIgnoreCase);
        try
        {
            foreach (var (app, index) in sandboxes.Select((a, i) => (a, i)))
            {
                var instance = app.Create();
                SandboxHost host;
                try
                {
                    host = await SandboxHost.StartAsync(instance, options.BasePort == 0 ? 0 : options.BasePort + index, cancellationToken);
                }
                catch
                {
                    (instance as IDisposable)?.Dispose();
                    throw;
                }

                var connection = app.Connect(instance, host.BaseUri);
                var values = connection.Values.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
                started[app.App] = new HostedSandbox(app.App, app.Title, host, values, connection.OAuth);
            }

            return new HostedSandboxes(started);
        }
        catch
        {
            await DisposeAllAsync(started.Values);
            throw;
        }
    }

    public ValueTask DisposeAsync() => DisposeAllAsync(apps.Values);

    private static async ValueTask DisposeAllAsync(IEnumerable<HostedSandbox> sandboxes)
    {
        foreach (var sandbox in sandboxes)
        {
            await sandbox.Host.DisposeAsync();
            (sandbox.Host.App as IDisposable)?.Dispose();
        }
    }
}
