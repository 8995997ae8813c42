using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tandem.Connectors.CardDav.Tests.Servers;

/// <summary>A real DAV server process on 127.0.0.1 with its own temporary storage; stopped and cleaned up on dispose.</summary>
public sealed class DavServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process process;

    private readonly ServerLog log;

    private DavServerProcess(Process process, int port, string root, ServerLog log)
    {
        this.process = process;
        this.log = log;
        Port = port;
        Root = root;
    }

    public int Port { get; }

    public string Root { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    /// <summary>The executable's full path, or null when it is not installed.</summary>
    public static string? Find(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .Select(dir => Path.Combine(dir, executable))
            .FirstOrDefault(File.Exists);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the server and returns once its port accepts connections (bounded by a timeout).</summary>
    public static async Task<DavServerProcess> StartAsync(string executable, Func<int, string, IEnumerable<string>> arguments, string root, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments(port, root))
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{executable} did not start.");
        // The server's output goes to a log beside its storage, kept after the run for diagnosing failures.
        // Output events can still arrive after the process exited, so the log is closed only on dispose, and
        // lines arriving after that are dropped.
        var log = new ServerLog(root + ".log");
        process.OutputDataReceived += (_, e) => log.Write(e.Data);
        process.ErrorDataReceived += (_, e) => log.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new DavServerProcess(process, port, root, log);
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (process.HasExited)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"{executable} exited with code {process.ExitCode} before it listened.");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        log.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The server's output, appended to a file; writes after dispose are ignored.</summary>
    private sealed class ServerLog(string path) : IDisposable
    {
        private readonly StreamWriter writer = new(path) { AutoFlush = true };
        private bool closed;

        public void Write(string? line)
        {
            lock (writer)
            {
                if (!closed && line is not null)
                {
                    writer.WriteLine(line);
                }
            }
        }

        public void Dispose()
        {
            lock (writer)
            {
                closed = true;
                writer.Dispose();
            }
        }
    }
}
