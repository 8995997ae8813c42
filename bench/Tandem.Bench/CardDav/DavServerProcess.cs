using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tandem.Bench.CardDav;

/// <summary>A CardDAV server process on 127.0.0.1 over a storage folder; its output goes to a log beside the folder. Killed on dispose.</summary>
public sealed class DavServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly StreamWriter log;
    private static readonly HashSet<StreamWriter> Closed = [];

    private DavServerProcess(Process process, StreamWriter log, int port)
    {
        this.process = process;
        this.log = log;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    public static async Task<DavServerProcess> StartAsync(DavFlavour flavour, string storage, CancellationToken cancellationToken)
    {
        var executable = DavFlavour.Find(flavour.Executable) ?? throw new InvalidOperationException($"{flavour.Executable} is not installed.");
        var port = FreePort();
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in flavour.Arguments(port, storage))
        {
            start.ArgumentList.Add(argument);
        }

        var log = new StreamWriter(storage + ".log", append: true) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new DavServerProcess(process, log, port);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"{flavour.Name} exited with code {process.ExitCode} before it listened (see {storage}.log).");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return server;
            }
            catch (SocketException) when (deadline.Elapsed < StartTimeout)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        lock (log)
        {
            Closed.Add(log);
            log.Dispose();
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        lock (log)
        {
            if (line is not null && !Closed.Contains(log))
            {
                log.WriteLine(line);
            }
        }
    }
}
