using Tandem.Bench.Measuring;
using Tandem.Bench.State;
using Tandem.Bench.VCard;
using Tandem.Connectors.CardDav;
using Tandem.Connectors.Catalog;
using Tandem.Domain.Configuration;

namespace Tandem.Bench.CardDav;

/// <summary>
/// Runs Tandem, then vdirsyncer, each on a fresh copy of the seeded server behind its own counting proxy, through
/// the same steps with the same user changes between them.
/// </summary>
public sealed class CardDavRunner
{
    /// <summary>Deletions tag the counterpart (Tandem never deletes a contact on the other side by itself).</summary>
    private static readonly ConnectionSettings TandemSettings = new() { Options = new SyncOptions { SyncDeletions = true } };

    private readonly CardDavWorkspace workspace;
    private readonly ProgressLog progress;

    public CardDavRunner(CardDavWorkspace workspace, ProgressLog progress)
    {
        this.workspace = workspace;
        this.progress = progress;
    }

    private DavFlavour Flavour => workspace.Flavour;

    public async Task<ToolRun> RunTandemAsync(int run, string marker, CancellationToken cancellationToken)
    {
        var storage = await workspace.CopyForAsync("tandem", run, cancellationToken);
        await using var server = await DavServerProcess.StartAsync(Flavour, storage, cancellationToken);
        await using var proxy = new CountingProxy(server.Port);
        using var raw = new DavBookClient(server.BaseUrl, Flavour);
        await using var database = await BenchDatabase.CreateAsync(CardDavConnectorFactory.App, CardDavConnectorFactory.App, cancellationToken);
        var factory = new CardDavConnectorFactory(new CardDavOptions { AllowedHosts = ["127.0.0.1"], RequestTimeout = TimeSpan.FromMinutes(5) });
        var result = new ToolRun();
        foreach (var step in ToolRun.Steps)
        {
            await ToolRun.BeforeAsync(step, raw, workspace, marker, cancellationToken);
            proxy.TakeCounts();

            // A new pair of connectors per run, as a worker makes them.
            await using var a = factory.Create(Settings(proxy, CardDavWorkspace.BookA), ConnectorContext.Default);
            await using var b = factory.Create(Settings(proxy, CardDavWorkspace.BookB), ConnectorContext.Default);
            var measured = await SyncStep.RunAsync("Tandem " + step, database, a, b, progress, cancellationToken, TandemSettings);
            result.Requests[step] = proxy.TakeCounts();
            result.Wall[step] = measured.Wall;
            result.Tandem[step] = measured;
            progress.Say($"Tandem {step}: {result.Requests[step].Total} requests ({result.Requests[step].Methods()})");
        }

        await result.ReadEndStateAsync(raw, Flavour, cancellationToken);
        return result;
    }

    public async Task<(ToolRun Run, TimeSpan Discover, RequestCounts DiscoverRequests)> RunVdirsyncerAsync(int run, string marker, CancellationToken cancellationToken)
    {
        var storage = await workspace.CopyForAsync("vdirsyncer", run, cancellationToken);
        await using var server = await DavServerProcess.StartAsync(Flavour, storage, cancellationToken);
        await using var proxy = new CountingProxy(server.Port);
        using var raw = new DavBookClient(server.BaseUrl, Flavour);
        var runner = new VdirsyncerRunner(
            "run-vdirsyncer-carddav.sh",
            storage + "-vdirsyncer",
            [BookUrl(proxy, CardDavWorkspace.BookA), BookUrl(proxy, CardDavWorkspace.BookB), Flavour.UserName],
            new Dictionary<string, string> { ["BENCH_DAV_PASSWORD"] = Flavour.Password });
        var discover = await runner.RunAsync("discover", cancellationToken);
        var discoverRequests = proxy.TakeCounts();
        var result = new ToolRun();
        foreach (var step in ToolRun.Steps)
        {
            await ToolRun.BeforeAsync(step, raw, workspace, marker, cancellationToken);
            proxy.TakeCounts();
            progress.Say($"vdirsyncer {step}: started");
            result.Wall[step] = await runner.RunAsync("sync", cancellationToken);
            result.Requests[step] = proxy.TakeCounts();
            progress.Say($"vdirsyncer {step}: {result.Wall[step].TotalSeconds:0.000} s, {result.Requests[step].Total} requests ({result.Requests[step].Methods()})");
        }

        await result.ReadEndStateAsync(raw, Flavour, cancellationToken);
        return (result, discover, discoverRequests);
    }

    /// <summary>Both tools are given the address book's own URL (no discovery from the server root).</summary>
    private string BookUrl(CountingProxy proxy, string book) => new Uri(proxy.BaseUrl, Flavour.BookPath(book)).AbsoluteUri;

    private AccountSettings Settings(CountingProxy proxy, string book) => new(new Dictionary<string, string>
    {
        ["url"] = BookUrl(proxy, book),
        ["username"] = Flavour.UserName,
        ["password"] = Flavour.Password,
        ["addressBook"] = book,
    });
}
