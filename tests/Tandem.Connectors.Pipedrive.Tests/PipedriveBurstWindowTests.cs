using Microsoft.Extensions.Time.Testing;
using Tandem.Connectors.Cost;

namespace Tandem.Connectors.Pipedrive.Tests;

/// <summary>Pipedrive's burst limits in its cost model: requests and searches per rolling 2 seconds, per token.</summary>
public sealed class PipedriveBurstWindowTests
{
    [Fact]
    public void Searches_count_against_both_burst_windows_and_other_calls_against_the_requests_window_only()
    {
        var windows = PipedriveCosts.Model.Windows;

        Assert.Equal([true, true], windows.Select(w => w.Counts(HttpMethod.Get, "/api/v2/persons/search")));
        Assert.Equal([true, false], windows.Select(w => w.Counts(HttpMethod.Patch, "/api/v2/persons/12")));
        Assert.Equal([20, 10], windows.Select(w => w.Limit));
        Assert.All(windows, w => Assert.Equal(TimeSpan.FromSeconds(2), w.Period));
    }

    [Fact]
    public async Task The_twenty_first_request_within_two_seconds_waits_for_the_window()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero));
        var budget = new AccountBudgets(time) { PaceRequests = true }.For(PipedriveConnectorFactory.App, "company", PipedriveCosts.Model);
        for (var i = 0; i < PipedriveCosts.BurstRequests; i++)
        {
            await budget.WaitForRoomAsync(HttpMethod.Get, "/api/v2/persons", TestContext.Current.CancellationToken);
        }

        var next = budget.WaitForRoomAsync(HttpMethod.Get, "/api/v2/persons", TestContext.Current.CancellationToken).AsTask();
        var waited = !next.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(2));
        await next.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.True(waited);
    }
}
