using Microsoft.Extensions.Time.Testing;
using Tandem.Connectors.Cost;

namespace Tandem.Connectors.Tests.Cost;

public sealed class PollingPaceTests
{
    // Pipedrive's shape: a 30,000-token day, a 20-token quiet poll, a 50-token schema read, a 10 % idle share.
    private static readonly CostModel Tokens = new()
    {
        Unit = "tokens",
        DailyBudget = 30_000,
        QuietPollCost = 20,
        SchemaReadCost = 50,
        PollInterval = TimeSpan.FromMinutes(5),
        SafetyNetInterval = TimeSpan.FromMinutes(30),
    };

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_fresh_day_spreads_quiet_polls_and_hourly_schema_reads_over_a_tenth_of_the_budget()
    {
        var budget = new AccountBudget("pipedrive", "acc", Tokens, time);

        var pace = PollingPace.For("Pipedrive", budget, webhooks: false, time.GetUtcNow());

        // 3,000 idle tokens − 24 schema reads × 50 = 1,800 for polls of 20: 90 a day, one every 16 min.
        Assert.Equal(TimeSpan.FromMinutes(16), pace.Interval);
        Assert.Equal("Pipedrive daily budget 0 % used — polling every 16 min", pace.Words);
    }

    [Fact]
    public void A_budget_running_low_slows_polling_and_says_how_much_is_used()
    {
        var budget = new AccountBudget("pipedrive", "acc", Tokens, time);
        time.Advance(TimeSpan.FromHours(12));
        budget.Spend(24_600);

        var pace = PollingPace.For("Pipedrive", budget, webhooks: false, time.GetUtcNow());

        // 5,400 left: 540 idle − 12 × 50 = −60: nothing left for polls before midnight.
        Assert.Equal(TimeSpan.FromHours(12), pace.Interval);
        Assert.Equal("Pipedrive daily budget 82 % used — not polling until it resets at 00:00 UTC", pace.Words);
        var other = new AccountBudget("pipedrive", "other", Tokens, time);
        other.Spend(15_000);
        var half = PollingPace.For("Pipedrive", other, webhooks: false, time.GetUtcNow());

        // 15,000 left at noon: 1,500 idle − 12 × 50 = 900 for polls of 20 over 12 hours.
        Assert.Equal("Pipedrive daily budget 50 % used — polling every 16 min", half.Words);
    }

    [Fact]
    public void Registered_webhooks_make_polling_a_slow_safety_net()
    {
        var budget = new AccountBudget("pipedrive", "acc", Tokens, time);

        var pace = PollingPace.For("Pipedrive", budget, webhooks: true, time.GetUtcNow());

        Assert.Equal(TimeSpan.FromMinutes(30), pace.Interval);
        Assert.Equal("Pipedrive daily budget 0 % used — changes arrive by webhook, polling every 30 min as a safety net", pace.Words);
    }

    [Fact]
    public void A_budget_the_app_said_is_spent_counts_as_used_up_until_midnight_utc_then_is_whole_again()
    {
        var budget = new AccountBudget("pipedrive", "acc", Tokens, time);
        time.Advance(TimeSpan.FromHours(20));
        budget.Spend(100);
        budget.MarkSpent();

        Assert.Equal(0, budget.Left);
        time.Advance(TimeSpan.FromHours(4));
        Assert.Equal(30_000, budget.Left);
        Assert.Equal(new DateTimeOffset(2026, 12, 9, 0, 0, 0, TimeSpan.Zero), budget.ResetsAt);
    }

    [Fact]
    public void An_app_without_a_daily_budget_polls_at_its_own_interval()
    {
        var budget = new AccountBudget("google-contacts", "acc", CostModel.PerRequest with { PollInterval = TimeSpan.FromMinutes(2) }, time);

        var pace = PollingPace.For("Google Contacts", budget, webhooks: false, time.GetUtcNow());

        Assert.Equal(TimeSpan.FromMinutes(2), pace.Interval);
        Assert.Equal("Google Contacts: polling every 2 min", pace.Words);
        Assert.Null(budget.Left);
    }
}
