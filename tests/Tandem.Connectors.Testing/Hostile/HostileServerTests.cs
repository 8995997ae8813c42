using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Testing.Hostile;

/// <summary>
/// What every HTTP connector does when its app turns hostile: the shared transport refuses redirects, caps a body,
/// cuts off a trickle, stops a listing that never ends, and never connects to an internal address the host did not
/// allow; each ends with a clear error naming the app, and another account over the same transport still syncs. A
/// connector's test class inherits this and says how to connect and how its vendor's API looks.
/// </summary>
public abstract class HostileServerTests : IAsyncLifetime
{
    private const string InternalName = "internal.example";

    private HostileServer? hostile;
    private HostileServer? honest;
    private HostileServer? target;
    private ConnectorContext? context;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The app as the connector's errors name it ("Pipedrive").</summary>
    protected abstract string AppName { get; }

    protected abstract HostileVendor Vendor { get; }

    protected HostileServer Hostile => hostile ?? throw new InvalidOperationException("Not started.");

    /// <summary>Limits that let the tests run in seconds: a short answer deadline, a small listing budget, the default body cap.</summary>
    protected static HttpLimits Limits { get; } = new() { ResponseTimeout = TimeSpan.FromSeconds(3), MaxPagesPerRun = 20 };

    /// <summary>A connector for an account of the app served at <paramref name="server"/>.</summary>
    protected abstract IContactConnector Connect(Uri server, ConnectorContext context, HttpLimits limits);

    public async ValueTask InitializeAsync()
    {
        hostile = await HostileServer.StartAsync(Vendor, Ct);
        honest = await HostileServer.StartAsync(Vendor, Ct);
        target = await HostileServer.StartAsync(Vendor, Ct);

        // The one way a test reaches servers on 127.0.0.1: an explicit allowance of their exact addresses. The redirect
        // target is allowed too, so a refused redirect shows that nothing follows it, not that the guard stopped it.
        var policy = NetworkPolicy.Allowing(hostile.BaseUri, honest.BaseUri, target.BaseUri).ResolvingWith(ResolveAsync);
        context = new ConnectorContext(TimeProvider.System, NullLoggerFactory.Instance) { Network = policy };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in new[] { hostile, honest, target })
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_redirect_to_an_internal_address_is_not_followed()
    {
        Hostile.Mode = Hostility.Redirect;
        Hostile.RedirectTarget = new Uri(target!.BaseUri, "steal");

        var error = await ListFailureAsync(Hostile.BaseUri, Limits);

        Assert.Equal($"{AppName} answered with a redirect (302); Tandem does not follow redirects.", error.Message);
        Assert.Equal(0, target.Requests);
        await AssertAnotherAccountStillSyncsAsync();
    }

    [Fact]
    public async Task A_body_of_400_MB_is_cut_off_at_the_cap_and_never_read_whole()
    {
        Hostile.Mode = Hostility.HugeBody;

        var error = await ListFailureAsync(Hostile.BaseUri, Limits with { ResponseTimeout = TimeSpan.FromMinutes(1) });

        // The server's side only shows that the client hung up (Kestrel swallows writes after that, so its count of
        // bytes written overstates what crossed); how much the client read is pinned in Tandem.Connectors.Tests.
        await Hostile.BodyEndedAsync(Ct);
        Assert.Equal($"{AppName} answered with more than 16 MB; Tandem stopped reading.", error.Message);
        await AssertAnotherAccountStillSyncsAsync();
    }

    [Fact]
    public async Task A_body_that_trickles_one_byte_a_second_is_cut_off_at_the_answer_deadline()
    {
        Hostile.Mode = Hostility.Trickle;

        var error = await ListFailureAsync(Hostile.BaseUri, Limits);
        await Hostile.BodyEndedAsync(Ct);

        Assert.Equal($"{AppName} did not finish answering within 3 seconds; Tandem stopped waiting.", error.Message);
        await AssertAnotherAccountStillSyncsAsync();
    }

    [Fact]
    public async Task A_listing_that_never_ends_stops_at_the_page_budget()
    {
        Assert.SkipUnless(Lists, $"{AppName} lists no contacts (a write-only app), so it has no listing to keep going.");
        Hostile.Mode = Hostility.EndlessListing;

        var error = await ListFailureAsync(Hostile.BaseUri, Limits);

        Assert.Equal($"{AppName} kept answering with more pages after 20 in one run; Tandem stopped listing. The next run starts again.", error.Message);
        Assert.InRange(Hostile.ListingRequests, 2, Limits.MaxPagesPerRun + 1);
        await AssertAnotherAccountStillSyncsAsync();
    }

    [Fact]
    public async Task A_host_that_resolves_to_a_private_address_is_never_contacted()
    {
        // The server's own port, under a name that resolves to 10.1.2.3: only its exact address is allowed.
        var aliased = new UriBuilder(Hostile.BaseUri) { Host = InternalName }.Uri;

        var error = await ListFailureAsync(aliased, Limits);

        Assert.Equal($"Tandem did not connect to '{InternalName}' for {AppName}: it resolves to an internal network address, which this Tandem does not allow.", error.Message);
        Assert.Equal(0, Hostile.Requests);
        await AssertAnotherAccountStillSyncsAsync();
    }

    [Fact]
    public async Task Loopback_is_refused_unless_the_host_allows_it()
    {
        await using var connector = Connect(Hostile.BaseUri, ConnectorContext.Default, Limits);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => ReadAsync(connector));

        Assert.Equal($"Tandem did not connect to '127.0.0.1' for {AppName}: it resolves to an internal network address, which this Tandem does not allow.", error.Message);
        Assert.Equal(0, Hostile.Requests);
    }

    /// <summary>False for a write-only app: it lists nothing, and <see cref="ReadAsync"/> reads what it does read.</summary>
    protected virtual bool Lists => true;

    /// <summary>
    /// What an account reads from the app in a run, where the hostile server plays its part: the listing's pages, each
    /// counted (a write-only app reads its schema instead, and counts one).
    /// </summary>
    protected virtual Task<int> ReadAsync(IContactConnector connector) => ListAsync(connector);

    private static async Task<int> ListAsync(IContactConnector connector)
    {
        var pages = 0;
        await foreach (var _ in connector.ListAllAsync(Ct))
        {
            pages++;
        }

        return pages;
    }

    private static Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        host == InternalName ? Task.FromResult(new[] { IPAddress.Parse("10.1.2.3") }) : Dns.GetHostAddressesAsync(host, cancellationToken);

    private async Task<ConnectorException> ListFailureAsync(Uri server, HttpLimits limits)
    {
        await using var connector = Connect(server, context!, limits);
        return await Assert.ThrowsAsync<ConnectorException>(() => ReadAsync(connector));
    }

    /// <summary>An honest account of the same app, over the same transport, lists its contacts as usual.</summary>
    private async Task AssertAnotherAccountStillSyncsAsync()
    {
        await using var connector = Connect(honest!.BaseUri, context!, Limits);
        Assert.Equal(1, await ReadAsync(connector));
    }
}
