using System.CommandLine;
using System.Globalization;
using Tandem.Cli.Hosting;
using Tandem.Sandbox;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem sandbox</c>: starts every simulated app of the catalogue on 127.0.0.1, prints each one's base URL and the
/// settings to connect with, and keeps them running until Ctrl+C. Nothing is stored: a restart starts
/// from the same seed data.
/// </summary>
internal static class SandboxCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var basePort = new Option<int>("--base-port")
        {
            Description = "The first app listens on this port, the next on the one after, and so on; 0 picks free ports.",
            DefaultValueFactory = _ => 0,
        };
        var sandboxes = environment.Apps.Sandboxes;
        var only = new Option<string[]>("--app") { Description = "Start only this app (repeatable): " + string.Join(", ", sandboxes.Select(a => a.App)) + "." };
        var command = new Command("sandbox", $"Run the simulated apps ({string.Join(", ", sandboxes.Select(a => a.Title))}) on 127.0.0.1 until Ctrl+C.") { basePort, only };
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(environment, () => RunAsync(environment, sandboxes, parse.GetValue(basePort), parse.GetValue(only) ?? [], cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment environment, IReadOnlyList<SandboxApp> sandboxes, int basePort, string[] only, CancellationToken cancellationToken)
    {
        var unknown = only.Where(a => sandboxes.All(s => s.App != a)).ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException($"No sandbox app '{unknown[0]}'; there are {string.Join(", ", sandboxes.Select(a => a.App))}.");
        }

        if (basePort is < 0 or > 65535)
        {
            throw new CliUsageException("--base-port must be between 0 and 65535.");
        }

        var apps = sandboxes.Where(a => only.Length == 0 || only.Contains(a.App)).ToList();
        var hosts = new List<SandboxHost>();
        try
        {
            foreach (var (app, index) in apps.Select((a, i) => (a, i)))
            {
                var instance = app.Create();
                SandboxHost host;
                try
                {
                    host = await SandboxHost.StartAsync(instance, basePort == 0 ? 0 : basePort + index, cancellationToken);
                }
                catch
                {
                    (instance as IDisposable)?.Dispose();
                    throw;
                }

                hosts.Add(host);
                await PrintAsync(environment.Out, app, instance, host.BaseUri);
            }

            await environment.Out.WriteLineAsync("The sandboxes run until Ctrl+C; their data lives in memory only.");
            await environment.Out.FlushAsync(cancellationToken);
            await Task.Delay(Timeout.InfiniteTimeSpan, environment.Time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return ExitCodes.Ok;
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
                (host.App as IDisposable)?.Dispose();
            }
        }
    }

    private static async Task PrintAsync(TextWriter output, SandboxApp app, ISandboxApp instance, Uri baseUri)
    {
        await output.WriteLineAsync($"{app.Title} ({app.App})  {baseUri}");
        var settings = app.Connect(instance, baseUri).Values;
        var width = settings.Max(s => s.Key.Length);
        foreach (var (key, value) in settings)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {key.PadRight(width)}  {value}"));
        }

        await output.WriteLineAsync();
    }
}
