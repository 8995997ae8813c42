using Microsoft.Extensions.Time.Testing;
using Tandem.Connectors.Cost;

namespace Tandem.Connectors.Tests.Cost;

/// <summary>An account's calls kept within its app's short rate limits (Google's per-minute quotas, Pipedrive's bursts).</summary>
public sealed class RequestWindowTests
{
    private static readonly CostModel PerMinute = new()
    {
        Windows = [RequestWindow.Reads("reads per minute", 2, TimeSpan.FromMinutes(1)), RequestWindow.Writes("writes per minute", 1, TimeSpan.FromMinutes(1))],
    };

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_read_past_the_minute_s_quota_waits_until_the_oldest_read_leaves_the_window()
    {
        var budget = new AccountBudgets(time) { PaceRequests = true }.For("app", "account", PerMinute);
        await budget.WaitForRoomAsync(HttpMethod.Get, "/v1/people", Ct);
        time.Advance(TimeSpan.FromSeconds(20));
        await budget.WaitForRoomAsync(HttpMethod.Get, "/v1/people", Ct);

        var third = budget.WaitForRoomAsync(HttpMethod.Get, "/v1/people", Ct).AsTask();
        var write = budget.WaitForRoomAsync(HttpMethod.Post, "/v1/people:batchCreateContacts", Ct).AsTask();
        time.Advance(TimeSpan.FromSeconds(39));
        var stillWaiting = third.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.True(write.IsCompletedSuccessfully);
        Assert.False(stillWaiting);
        Assert.True(third.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Two_connections_of_one_account_share_its_windows_and_other_accounts_have_their_own()
    {
        var budgets = new AccountBudgets(time) { PaceRequests = true };
        await budgets.For("app", "account", PerMinute).WaitForRoomAsync(HttpMethod.Post, "/v1/x", Ct);

        var sameAccount = budgets.For("app", "account", PerMinute).WaitForRoomAsync(HttpMethod.Post, "/v1/x", Ct).AsTask();
        var otherAccount = budgets.For("app", "other", PerMinute).WaitForRoomAsync(HttpMethod.Post, "/v1/x", Ct).AsTask();

        Assert.False(sameAccount.IsCompleted);
        Assert.True(otherAccount.IsCompletedSuccessfully);
        time.Advance(TimeSpan.FromMinutes(1));
        await sameAccount.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    [Fact]
    public async Task Without_pacing_asked_for_calls_never_wait()
    {
        var budget = new AccountBudgets(time).For("app", "account", PerMinute);

        for (var i = 0; i < 5; i++)
        {
            var call = budget.WaitForRoomAsync(HttpMethod.Post, "/v1/x", Ct);
            Assert.True(call.IsCompletedSuccessfully);
            await call;
        }
    }
}
