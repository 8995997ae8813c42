using Tandem.Domain.Configuration;
using Tandem.Engine.Tests.Harness;

namespace Tandem.Engine.Tests.Scenarios.Pairs;

/// <summary>Two app sides joined by one connection whose state lives in SQLite; each run gets fresh connectors.</summary>
public sealed class PairHarness : IAsyncDisposable
{
    private PairHarness(SyncHarness sync, AppSide a, AppSide b)
    {
        Sync = sync;
        A = a;
        B = b;
    }

    public SyncHarness Sync { get; }

    public AppSide A { get; }

    public AppSide B { get; }

    public ConnectionSettings Settings
    {
        get => Sync.Settings;
        set => Sync.Settings = value;
    }

    public static async Task<PairHarness> StartAsync(AppSide a, AppSide b)
    {
        await a.StartAsync();
        await b.StartAsync();
        var sync = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        sync.ConnectA = a.Connect;
        sync.ConnectB = b.Connect;
        return new PairHarness(sync, a, b);
    }

    /// <summary>Syncs (failing the test unless the run completes cleanly); the apps' clocks move on first.</summary>
    public Task<RunReport> SyncAsync()
    {
        A.Later();
        B.Later();
        return Sync.SyncCleanlyAsync();
    }

    public AppSide Side(Side side) => side == Domain.Configuration.Side.A ? A : B;

    public async ValueTask DisposeAsync()
    {
        await Sync.DisposeAsync();
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}
