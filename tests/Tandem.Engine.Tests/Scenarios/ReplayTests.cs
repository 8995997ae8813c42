using Tandem.Domain.Configuration;
using Tandem.Engine.Tests.Harness;
using Tandem.Engine.Tests.Properties;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>Histories the random-history properties once found failing, kept as regressions.</summary>
public sealed class ReplayTests
{
    [Fact]
    public async Task A_contact_deleted_while_a_twin_with_its_email_was_created_relinks_to_the_twin()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.Settings = new ConnectionSettings { Options = new SyncOptions { SyncDeletions = true } };
        var first = h.A.CreatePerson("P5", "Q0", "fay@x.test");
        await h.SyncCleanlyAsync();
        h.A.CreatePerson("P6", "Q1", "fay@x.test");
        h.A.Delete(first.Id);

        await new HistoryRunner(h).SettleAsync();

        var b = Assert.Single(h.B.Snapshot());
        Assert.Equal("P6", b.Get("name.first")!.Canonical);
        Assert.Equal(0, (await h.SyncCleanlyAsync()).WriteCalls);
    }
    [Fact]
    public async Task A_history_with_stale_retries_and_kills_converges()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.Settings = new ConnectionSettings { Options = new SyncOptions { SyncDeletions = true, DeletionGuardMinimum = 1000 } };
        HistoryOp[] history =
        [
            new HistoryOp(1, true, 12, 0, 5, 7, false),
            new HistoryOp(5, false, 1, 2, 1, 26, true),
            new HistoryOp(1, true, 39, 1, 6, 23, true),
            new HistoryOp(1, false, 9, 0, 5, 5, false),
            new HistoryOp(0, false, 48, 2, 6, 15, false),
            new HistoryOp(3, true, 50, 1, 6, 15, true),
            new HistoryOp(6, false, 33, 2, 5, 6, false),
            new HistoryOp(1, true, 49, 2, 2, 22, true),
            new HistoryOp(7, true, 3, 2, 0, 8, true),
            new HistoryOp(5, true, 11, 1, 2, 14, false),
            new HistoryOp(5, false, 44, 2, 3, 25, true),
            new HistoryOp(1, false, 31, 2, 5, 26, false),
            new HistoryOp(4, false, 37, 0, 4, 23, true),
            new HistoryOp(1, false, 18, 0, 3, 9, true),
            new HistoryOp(0, true, 26, 2, 7, 30, false),
            new HistoryOp(3, false, 33, 0, 7, 11, false),
            new HistoryOp(0, false, 47, 0, 3, 9, false),
            new HistoryOp(7, false, 42, 2, 4, 29, true),
            new HistoryOp(4, true, 21, 2, 7, 7, false),
            new HistoryOp(1, true, 26, 0, 2, 29, true),
            new HistoryOp(1, false, 1, 0, 0, 4, true),
            new HistoryOp(1, true, 18, 2, 0, 11, false),
            new HistoryOp(0, false, 5, 1, 3, 20, false),
            new HistoryOp(7, false, 0, 0, 1, 7, true),
            new HistoryOp(5, false, 50, 0, 0, 16, false),
            new HistoryOp(2, true, 39, 0, 6, 11, false),
            new HistoryOp(0, true, 48, 2, 5, 27, false),
            new HistoryOp(1, false, 38, 2, 4, 10, true),
            new HistoryOp(6, false, 36, 1, 5, 30, true),
            new HistoryOp(3, true, 25, 1, 7, 16, false),
        ];
        var runner = new HistoryRunner(h);
        await runner.PlayAsync(history);
        await runner.SettleAsync();

        var a = Assert.Single(h.A.Snapshot(), r => HistoryRunner.EmailOf(r) == "ann@x.test");
        var b = Assert.Single(h.B.Snapshot(), r => HistoryRunner.EmailOf(r) == "ann@x.test");
        var log = string.Join("\n", (await h.ActivityAsync()).Select(r => r.Kind + ": " + r.Message + " " + r.Details));
        var health = string.Join("\n", (await h.HealthAsync()).Select(r => r.RecordId + " " + r.Status + " " + r.Reason));
        Assert.True(a.Get("title")?.Canonical == b.Get("title")?.Canonical, $"a={a.Id} b={b.Id}\n{log}\n{health}");
    }
}
