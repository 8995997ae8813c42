using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Harness;

namespace Tandem.Engine.Tests.Collecting;

/// <summary>The two sides' change feeds are asked at the same time: a slow app no longer makes the other wait its turn.</summary>
public sealed class ReadAheadTests
{
    [Fact]
    public async Task Side_Bs_change_feed_is_asked_while_side_As_answer_is_still_awaited()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var ann = h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        h.B.CreatePerson("Bob", "Ray", "bob@example.com");
        await h.SyncCleanlyAsync();
        h.A.Set(ann.Id, "title", Values.Text("CFO"));

        // A's feed answers only once B's has been asked; collecting the sides one after the other would never get there.
        var a = new GatedFeedConnector(h.A.Connect());
        var b = new GatedFeedConnector(h.B.Connect());
        a.Release = b.ReadStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        h.ConnectA = () => a;
        h.ConnectB = () => b;
        var report = await h.SyncAsync();

        Assert.True(report.Outcome == RunOutcome.Completed, $"Run ended {report.Outcome}: {report.Message}");
        Assert.True(b.ReadStarted.Task.IsCompletedSuccessfully);
        Assert.Equal(1, report.B.Updated);
        Assert.Equal("CFO", Assert.Single(h.B.FindByEmail("ann@example.com")).Get("title")!.Canonical);
    }

    [Fact]
    public async Task A_failing_side_A_ends_the_run_as_before_and_leaves_no_read_of_B_behind()
    {
        await using var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.A.CreatePerson("Ann", "Lee", "ann@example.com");
        await h.SyncCleanlyAsync();

        var a = new GatedFeedConnector(h.A.Connect()) { Release = Task.FromException(new HttpRequestException("A is down")) };
        var b = new GatedFeedConnector(h.B.Connect()) { Release = new TaskCompletionSource().Task };
        h.ConnectA = () => a;
        h.ConnectB = () => b;
        var report = await h.SyncAsync();

        Assert.NotEqual(RunOutcome.Completed, report.Outcome);
        Assert.True(b.ReadStarted.Task.IsCompletedSuccessfully);
        Assert.True(b.ReadEnded.Task.IsCompleted, "B's read was left running after the run ended.");
        Assert.Equal(1, await h.LinkCountAsync());
    }
}
