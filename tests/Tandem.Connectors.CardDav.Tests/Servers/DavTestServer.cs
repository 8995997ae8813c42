using System.Net.Http.Headers;
using System.Text;
using Tandem.Connectors.Catalog;

namespace Tandem.Connectors.CardDav.Tests.Servers;

/// <summary>
/// A real CardDAV server for the conformance suite: started once per test class, each test gets a fresh
/// address book. Tests are skipped (with the reason) when the server is not installed.
/// </summary>
public abstract class DavTestServer : IAsyncLifetime
{
    private HttpClient? raw;
    private int books;

    public DavServerProcess? Process { get; private set; }

    public string? SkipReason { get; private set; }

    public abstract string Name { get; }

    public abstract string UserName { get; }

    public abstract string Password { get; }

    /// <summary>False when the server has no authentication (Xandikos).</summary>
    public abstract bool ChecksPasswords { get; }

    /// <summary>Where new address books are made ("/alice/").</summary>
    protected abstract string HomePath { get; }

    protected abstract string Executable { get; }

    public HttpClient Raw => raw ?? throw new InvalidOperationException("The server is not running.");

    public async ValueTask InitializeAsync()
    {
        var executable = DavServerProcess.Find(Executable);
        if (executable is null)
        {
            SkipReason = $"{Name} is not installed (apt-get install {Executable}); its CardDAV tests are skipped.";
            return;
        }

        var root = Path.Combine(Path.GetTempPath(), "tandem-carddav-" + Name.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        Prepare(root);
        Process = await DavServerProcess.StartAsync(executable, Arguments, root, TestContext.Current.CancellationToken);
        // Radicale answers HTTP/1.0 and closes each connection; .NET would reuse it anyway, so this client never
        // pools a connection (the connector handles the same quirk itself).
        raw = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { BaseAddress = Process.BaseUrl };
        raw.DefaultRequestHeaders.ConnectionClose = true;
        raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(UserName + ":" + Password)));
        await WarmUpAsync();
    }

    /// <summary>A new, empty address book (extended MKCOL, RFC 5689) and its path.</summary>
    public async Task<string> CreateBookAsync(string? displayName = null)
    {
        var name = "book" + Interlocked.Increment(ref books);
        var path = HomePath + name + "/";
        var body = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <d:mkcol xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav"><d:set><d:prop>
            <d:resourcetype><d:collection/><c:addressbook/></d:resourcetype><d:displayname>{displayName ?? name}</d:displayname>
            </d:prop></d:set></d:mkcol>
            """;
        using var request = new HttpRequestMessage(new HttpMethod("MKCOL"), path) { Content = new StringContent(body, Encoding.UTF8, "application/xml") };
        using var response = await Raw.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"MKCOL {path} answered {(int)response.StatusCode}");
        return path;
    }

    public AccountSettings Settings(string? addressBook, string? password = null, string? url = null, string? changeFeed = null)
    {
        var values = new Dictionary<string, string>
        {
            ["url"] = url ?? Process!.BaseUrl.AbsoluteUri,
            ["username"] = UserName,
            ["password"] = password ?? Password,
            ["defaultRegion"] = "BE",
        };
        if (addressBook is not null)
        {
            values["addressBook"] = addressBook;
        }

        if (changeFeed is not null)
        {
            values["changeFeed"] = changeFeed;
        }

        return new AccountSettings(values);
    }

    public async ValueTask DisposeAsync()
    {
        raw?.Dispose();
        if (Process is not null)
        {
            await Process.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract IEnumerable<string> Arguments(int port, string root);

    protected virtual void Prepare(string root)
    {
    }

    /// <summary>A first authenticated request, so servers that create the user's home on first login have done so.</summary>
    private async Task WarmUpAsync()
    {
        using var request = new HttpRequestMessage(new HttpMethod("PROPFIND"), HomePath);
        request.Headers.Add("Depth", "0");
        using var response = await Raw.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
