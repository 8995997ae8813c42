using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Tandem.Engine.Tests.Harness;

/// <summary>
/// A real Radicale (Debian package) on 127.0.0.1 and a free port, with temporary storage and one user; null from
/// <see cref="StartAsync"/> when Radicale is not installed. Radicale answers HTTP/1.0 and closes every connection, so
/// <see cref="Raw"/> never reuses one.
/// </summary>
public sealed class RadicaleProcess : IAsyncDisposable
{
    public const string User = "alice";
    public const string Password = "wonderland";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly string root;
    private readonly Process process;

    private RadicaleProcess(string root, Process process, int port)
    {
        this.root = root;
        this.process = process;
        Port = port;
        Raw = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        Raw.DefaultRequestHeaders.ConnectionClose = true;
        Raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(User + ":" + Password)));
    }

    public int Port { get; }

    public HttpClient Raw { get; }

    public Uri BaseUri => Raw.BaseAddress!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<RadicaleProcess?> StartAsync()
    {
        var executable = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .Select(dir => Path.Combine(dir, "radicale"))
            .FirstOrDefault(File.Exists);
        if (executable is null)
        {
            return null;
        }

        var root = Path.Combine(Path.GetTempPath(), "tandem-radicale", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "users"), $"{User}:{Password}\n");
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var info = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--config", string.Empty,
            "--server-hosts", $"127.0.0.1:{port}",
            "--storage-filesystem-folder", Path.Combine(root, "collections"),
            "--auth-type", "htpasswd",
            "--auth-htpasswd-filename", Path.Combine(root, "users"),
            "--auth-htpasswd-encryption", "plain",
            "--auth-delay", "0",
        })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("radicale did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var radicale = new RadicaleProcess(root, process, port);
        await radicale.WaitUntilListeningAsync();
        return radicale;
    }

    /// <summary>Creates an address book (MKCOL with the CardDAV resource type) at <paramref name="path"/> ("/alice/a/").</summary>
    public async Task CreateBookAsync(string path)
    {
        var body = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:mkcol xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav"><d:set><d:prop>
            <d:resourcetype><d:collection/><c:addressbook/></d:resourcetype>
            </d:prop></d:set></d:mkcol>
            """;
        using var request = new HttpRequestMessage(new HttpMethod("MKCOL"), path) { Content = new StringContent(body, Encoding.UTF8, "application/xml") };
        using var response = await Raw.SendAsync(request, Ct);
        Assert.True(response.IsSuccessStatusCode, $"MKCOL {path} answered {(int)response.StatusCode}");
    }

    public async ValueTask DisposeAsync()
    {
        Raw.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"radicale exited with code {process.ExitCode} before it listened.");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port, Ct);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet: Radicale takes a moment to start; the deadline bounds the wait.
                await Task.Delay(50, Ct);
            }
        }
    }
}
