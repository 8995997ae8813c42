using FsCheck;
using FsCheck.Fluent;
using Tandem.Connectors.InMemory;
using Tandem.Connectors.Testing.Databases;
using Tandem.Domain.Configuration;
using Tandem.Engine.Tests.Harness;

namespace Tandem.Engine.Tests.Properties;

/// <summary>
/// Random histories of edits, creates, deletes, flaky etags, lost answers, stale versions and kills at
/// any state call, then a settle; the oracles are the guarantees of SYNC-INVARIANTS.md.
/// </summary>
public sealed class RandomHistoryProperties
{
    private static readonly Gen<HistoryOp> Ops =
        from kind in Gen.Frequency((6, Gen.Constant(0)), (8, Gen.Constant(1)), (2, Gen.Constant(2)), (2, Gen.Constant(3)), (4, Gen.Constant(4)), (4, Gen.Constant(5)), (2, Gen.Constant(6)), (2, Gen.Constant(7)), (1, Gen.Constant(8)))
        from onB in Gen.Elements(false, true)
        from pick in Gen.Choose(0, 50)
        from field in Gen.Choose(0, 2)
        from value in Gen.Choose(0, 7)
        from killAt in Gen.Choose(1, 30)
        from after in Gen.Elements(false, true)
        select new HistoryOp(kind, onB, pick, field, value, killAt, after);

    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(40);

    [Fact]
    public void Any_history_with_kills_and_faults_converges_without_duplicates_deletions_or_echoes() =>
        Prop.ForAll(Histories, history => CheckAsync(StoreKind.Sqlite, history).GetAwaiter().GetResult()).Check(Runs);

    [Fact]
    public async Task Any_history_converges_the_same_way_with_the_state_in_postgresql()
    {
        await TestPostgres.RequireAsync();
        Prop.ForAll(Histories, history => CheckAsync(StoreKind.PostgreSql, history).GetAwaiter().GetResult()).Check(Config.QuickThrowOnFailure.WithMaxTest(12));
    }

    [Fact]
    public void A_read_only_side_is_never_written_and_flaky_etags_cause_no_writes() =>
        Prop.ForAll(Histories, history => CheckReadOnlyAsync(history).GetAwaiter().GetResult()).Check(Config.QuickThrowOnFailure.WithMaxTest(20));

    private static Arbitrary<HistoryOp[]> Histories => Ops.ListOf().Select(l => l.Take(30).ToArray()).ToArbitrary();

    private static async Task<bool> CheckReadOnlyAsync(HistoryOp[] history)
    {
        await using var h = await SyncHarness.CreateAsync(
            StoreKind.Sqlite,
            b: new InMemoryAppOptions { Name = "B", IdPrefix = "b", Capabilities = InMemoryCapabilities.ReadOnlyCrm, Seed = history.Length });
        h.A.Faults.FlakyVersionRate = 0.3;
        h.B.Faults.FlakyVersionRate = 0.3;
        await new HistoryRunner(h).PlayAsync(history);
        await new HistoryRunner(h).SettleAsync();
        h.A.Faults.Clear();
        h.B.Faults.Clear();
        await h.SyncAsync();
        h.A.Calls.Reset();

        var quiet = await h.SyncAsync();

        Assert.Equal(0, h.B.Calls.WriteCalls + h.B.Calls.RefusedWriteCalls);
        Assert.Equal(0, quiet.WriteCalls);
        return true;
    }

    private static async Task<bool> CheckAsync(StoreKind store, HistoryOp[] history)
    {
        await using var h = await SyncHarness.CreateAsync(store);
        h.Settings = new ConnectionSettings { Options = new SyncOptions { SyncDeletions = true, DeletionGuardMinimum = 1000 } };
        var runner = new HistoryRunner(h);
        await runner.PlayAsync(history);
        var settled = await runner.SettleAsync();
        Assert.True(settled.Outcome == RunOutcome.Completed, $"Settling ended {settled.Outcome}: {settled.Message}");

        h.A.Calls.Reset();
        h.B.Calls.Reset();
        var quiet = await h.SyncAsync();
        Assert.Equal(0, quiet.WriteCalls);
        Assert.Equal(0, h.A.Calls.WriteCalls + h.B.Calls.WriteCalls);

        foreach (var app in new[] { h.A, h.B })
        {
            Assert.Equal(0, app.Calls.Deletes);
            var created = app.Snapshot().Where(r => r.ClientReference is not null && HistoryRunner.EmailOf(r) is not null);
            Assert.All(created.GroupBy(HistoryRunner.EmailOf), group => Assert.Single(group));
        }

        var a = h.A.Snapshot().Where(r => HistoryRunner.EmailOf(r) is not null).GroupBy(HistoryRunner.EmailOf).Where(g => g.Count() == 1).ToDictionary(g => g.Key!, g => g.Single());
        var b = h.B.Snapshot().Where(r => HistoryRunner.EmailOf(r) is not null).GroupBy(HistoryRunner.EmailOf).Where(g => g.Count() == 1).ToDictionary(g => g.Key!, g => g.Single());
        foreach (var (email, recordA) in a)
        {
            if (b.TryGetValue(email, out var recordB))
            {
                foreach (var field in new[] { "title", "org", "note", "name.first", "name.last" })
                {
                    Assert.True(recordA.Get(field)?.Canonical == recordB.Get(field)?.Canonical, $"{email}: {field} differs: '{recordA.Get(field)}' vs '{recordB.Get(field)}'");
                }
            }
        }

        return true;
    }
}
