using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tandem.Connectors.Testing.Databases;

/// <summary>
/// A PostgreSQL 15 cluster of its own in a temp folder, listening on 127.0.0.1 only (no Unix socket outside the folder),
/// trust authentication for the user <c>tandem</c>, fsync off (its data is thrown away). As root, the cluster runs as
/// the <c>postgres</c> system user, since initdb refuses root.
/// </summary>
public sealed class ThrowawayPostgres
{
    public const string BinFolder = "/usr/lib/postgresql/15/bin";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string folder;
    private int stopped;

    private ThrowawayPostgres(string folder, int port)
    {
        this.folder = folder;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=tandem;Database=postgres";
    }

    public static bool IsInstalled => File.Exists(Path.Combine(BinFolder, "initdb")) && File.Exists(Path.Combine(BinFolder, "pg_ctl"));

    public string ConnectionString { get; }

    private static bool IsRoot => Environment.UserName == "root";

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "tandem-pg-" + Guid.NewGuid().ToString("N"))).FullName;
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:", folder], asPostgres: false);
        }

        var data = Path.Combine(folder, "data");
        await RunAsync(Path.Combine(BinFolder, "initdb"), ["-D", data, "-U", "tandem", "--auth=trust", "-E", "UTF8", "--no-sync"], asPostgres: IsRoot);
        var port = FreePort();
        await RunAsync(
            Path.Combine(BinFolder, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-s", "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off -c full_page_writes=off -c max_connections=300", "start"],
            asPostgres: IsRoot);
        return new ThrowawayPostgres(folder, port);
    }

    /// <summary>Stops the server at once and deletes its folder; safe to call twice.</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        try
        {
            RunAsync(Path.Combine(BinFolder, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-m", "immediate", "-s", "stop"], asPostgres: IsRoot).GetAwaiter().GetResult();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task RunAsync(string executable, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var info = new ProcessStartInfo(asPostgres ? "runuser" : executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", executable })
            {
                info.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{executable} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(executable)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
