using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Tandem.Web.Tests.Harness;

/// <summary>
/// A real Radicale on 127.0.0.1 (the CLI tests have the same harness) (htpasswd, plain passwords, storage in a temp folder), as a self-hoster runs it at home.
/// Stopped and removed on dispose.
/// </summary>
public sealed class RadicaleProcess : IAsyncDisposable
{
    public const string UserName = "alice";

    public const string Password = "wonderland";

    private readonly Process process;

    private RadicaleProcess(Process process, int port, string root)
    {
        this.process = process;
        Port = port;
        Root = root;
    }

    public int Port { get; }

    public string Root { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    /// <summary>Starts Radicale and returns once its port accepts connections; skips the test when it is not installed.</summary>
    public static async Task<RadicaleProcess> StartAsync()
    {
        var executable = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Where(dir => dir.Length > 0)
            .Select(dir => Path.Combine(dir, "radicale"))
            .FirstOrDefault(File.Exists);
        if (executable is null)
        {
            Assert.Skip("radicale is not installed (apt-get install radicale); this test needs it.");
        }

        var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "tandem-cli-radicale-" + Guid.NewGuid().ToString("N"))).FullName;
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
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
                return server;
            }
            catch (SocketException) when (attempt < 400 && !process.HasExited)
            {
                // Polling the port, not sleeping for a guessed start-up time: the loop ends as soon as Radicale listens.
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
        }
    }

    /// <summary>Makes an empty address book in alice's home (extended MKCOL, RFC 5689) and returns its URL.</summary>
    public async Task<Uri> CreateBookAsync(string name, string displayName)
    {
        using var client = Client();
        var path = $"/{UserName}/{name}/";
        var body = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <d:mkcol xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav"><d:set><d:prop>
            <d:resourcetype><d:collection/><c:addressbook/></d:resourcetype><d:displayname>{displayName}</d:displayname>
            </d:prop></d:set></d:mkcol>
            """;
        using var request = new HttpRequestMessage(new HttpMethod("MKCOL"), path) { Content = new StringContent(body, Encoding.UTF8, "application/xml") };
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"MKCOL {path} answered {(int)response.StatusCode}");
        return new Uri(BaseUrl, path);
    }

    /// <summary>Stores a card in a book (PUT), as any CardDAV client would.</summary>
    public async Task PutCardAsync(Uri book, string fileName, string vcard)
    {
        using var client = Client();
        using var content = new StringContent(vcard, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/vcard");
        using var response = await client.PutAsync(new Uri(book, fileName), content, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"PUT {fileName} answered {(int)response.StatusCode}");
    }

    /// <summary>Where Radicale keeps a book of alice's on disk (one .vcf per card), to compare what two books hold.</summary>
    public string BookFolder(string name) => Path.Combine(Root, "collections", "collection-root", UserName, name);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(Root, recursive: true);
    }

    private HttpClient Client()
    {
        // Radicale answers HTTP/1.0 and closes each connection: never pool one.
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { BaseAddress = BaseUrl };
        client.DefaultRequestHeaders.ConnectionClose = true;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{UserName}:{Password}")));
        return client;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
