using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Tandem.Connectors.Testing.Servers;

/// <summary>
/// A real Radicale (Debian package) on 127.0.0.1 and a free port, as a self-hoster runs it at home: htpasswd with plain
/// passwords, one user, storage in a temp folder. Stopped and removed on dispose. Radicale answers HTTP/1.0 and closes
/// every connection, so <see cref="Raw"/> never reuses one.
/// </summary>
public sealed class RadicaleProcess : IAsyncDisposable
{
    public const string UserName = "alice";

    public const string Password = "wonderland";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process process;

    private RadicaleProcess(Process process, int port, string root)
    {
        this.process = process;
        Port = port;
        Root = root;
        Raw = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { BaseAddress = BaseUrl };
        Raw.DefaultRequestHeaders.ConnectionClose = true;
        Raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{UserName}:{Password}")));
    }

    public int Port { get; }

    /// <summary>The temp folder holding the users file and the collections.</summary>
    public string Root { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    /// <summary>A client signed in as <see cref="UserName"/>, addressed at <see cref="BaseUrl"/>: another CardDAV client of the same server.</summary>
    public HttpClient Raw { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Starts Radicale and returns once its port accepts connections; skips the test when Radicale is not installed.</summary>
    public static async Task<RadicaleProcess> StartAsync()
    {
        var server = await TryStartAsync();
        Assert.SkipWhen(server is null, "radicale is not installed (apt-get install radicale); this test needs it.");
        return server!;
    }

    /// <summary>Like <see cref="StartAsync"/>, but null instead of a skip when Radicale is not installed (for a fixture that skips later, with its own reason).</summary>
    public static async Task<RadicaleProcess?> TryStartAsync()
    {
        var executable = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Where(dir => dir.Length > 0)
            .Select(dir => Path.Combine(dir, "radicale"))
            .FirstOrDefault(File.Exists);
        if (executable is null)
        {
            return null;
        }

        var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "tandem-radicale", Guid.NewGuid().ToString("N"))).FullName;
        File.WriteAllText(Path.Combine(root, "users"), $"{UserName}:{Password}\n");
        var port = FreePort();
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
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
        var server = new RadicaleProcess(process, port, root);
        try
        {
            await server.WaitUntilListeningAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Makes an empty address book in alice's home (extended MKCOL, RFC 5689) and returns its URL. <paramref name="name"/>
    /// is the book's folder name ("contacts") or its path ("/alice/contacts/").
    /// </summary>
    public async Task<Uri> CreateBookAsync(string name, string? displayName = null)
    {
        var path = name.StartsWith('/') ? name : $"/{UserName}/{name}/";
        var display = displayName is null ? string.Empty : $"<d:displayname>{displayName}</d:displayname>";
        var body = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <d:mkcol xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav"><d:set><d:prop>
            <d:resourcetype><d:collection/><c:addressbook/></d:resourcetype>{display}
            </d:prop></d:set></d:mkcol>
            """;
        using var request = new HttpRequestMessage(new HttpMethod("MKCOL"), path) { Content = new StringContent(body, Encoding.UTF8, "application/xml") };
        using var response = await Raw.SendAsync(request, Ct);
        Assert.True(response.IsSuccessStatusCode, $"MKCOL {path} answered {(int)response.StatusCode}");
        return new Uri(BaseUrl, path);
    }

    /// <summary>Stores a card in a book (PUT), as any CardDAV client would.</summary>
    public async Task PutCardAsync(Uri book, string fileName, string vcard)
    {
        using var content = new StringContent(vcard, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/vcard");
        using var response = await Raw.PutAsync(new Uri(book, fileName), content, Ct);
        Assert.True(response.IsSuccessStatusCode, $"PUT {fileName} answered {(int)response.StatusCode}");
    }

    /// <summary>Where Radicale keeps a book of alice's on disk (one .vcf per card), to compare what two books hold.</summary>
    public string BookFolder(string name) => Path.Combine(Root, "collections", "collection-root", UserName, name);

    public async ValueTask DisposeAsync()
    {
        Raw.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
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
                // Polling the port, not sleeping for a guessed start-up time: the loop ends as soon as Radicale listens;
                // the deadline only bounds a Radicale that never does.
                await Task.Delay(50, Ct);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
