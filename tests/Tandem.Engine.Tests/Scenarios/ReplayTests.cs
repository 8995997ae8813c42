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
}
