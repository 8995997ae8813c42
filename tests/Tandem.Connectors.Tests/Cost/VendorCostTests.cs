using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Cost;
using Tandem.Connectors.Http;
using Tandem.Connectors.Tests.Http;

namespace Tandem.Connectors.Tests.Cost;

/// <summary>Every API call spends its cost from the account's budget and reports it as <c>tandem.vendor.cost</c>.</summary>
public sealed class VendorCostTests
{
    private static readonly CostModel Tokens = new()
    {
        Unit = "tokens",
        DailyBudget = 1_000,
        CostOf = (method, path) => method == HttpMethod.Get && path.EndsWith("/recents", StringComparison.Ordinal) ? 20 : 5,
        SaysBudgetSpent = r => r.StatusCode == HttpStatusCode.TooManyRequests && r.Headers.Contains("x-daily-requests-left"),
    };

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Answered_calls_spend_their_cost_and_report_it_with_the_app_the_connection_and_the_unit()
    {
        var budget = new AccountBudget("pipedrive", "acc-cost-1", Tokens, time);
        var recorded = new List<(long Cost, Dictionary<string, object?> Tags)>();
        using var listener = Listen(recorded, "conn-cost-1");
        var script = new ScriptedHandler()
            .Then(() => new HttpResponseMessage(HttpStatusCode.OK))
            .Then(() => new HttpResponseMessage(HttpStatusCode.OK))
            .Then(() => new HttpResponseMessage(HttpStatusCode.TooManyRequests));
        using var client = Client(script, budget, "conn-cost-1");

        (await client.GetAsync(new Uri("https://api.example.com/v1/recents"), TestContext.Current.CancellationToken)).Dispose();
        (await client.PatchAsync(new Uri("https://api.example.com/api/v2/persons/7"), null, TestContext.Current.CancellationToken)).Dispose();
        (await client.GetAsync(new Uri("https://api.example.com/v1/recents"), TestContext.Current.CancellationToken)).Dispose();

        Assert.Equal(25, budget.SpentToday);
        Assert.Equal([20L, 5L], recorded.Select(r => r.Cost));
        Assert.All(recorded, r => Assert.Equal(("pipedrive", "conn-cost-1", "tokens"), ((string?)r.Tags["tandem.app"], (string?)r.Tags["tandem.connection.id"], (string?)r.Tags["tandem.vendor.unit"])));
    }

    [Fact]
    public async Task An_answer_that_says_the_day_s_budget_is_spent_uses_it_up_and_is_not_retried()
    {
        var budget = new AccountBudget("pipedrive", "acc-cost-2", Tokens, time);
        var script = new ScriptedHandler().Then(() =>
        {
            var spent = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            spent.Headers.Add("x-daily-requests-left", "0");
            spent.Headers.Add("x-ratelimit-reset", "1");
            return spent;
        });
        using var client = Client(script, budget, "conn-cost-2", new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) });

        using var answer = await client.GetAsync(new Uri("https://api.example.com/v1/recents"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
        Assert.Equal(1, script.Requests);
        Assert.Equal(0, budget.Left);
    }

    private HttpClient Client(ScriptedHandler script, AccountBudget budget, string connectionId, RetryOptions? retry = null)
    {
        var context = new ConnectorContext(time, NullLoggerFactory.Instance) { App = "pipedrive", ConnectionId = connectionId, Budget = budget };
        HttpMessageHandler handler = new ApiCallHandler(context) { InnerHandler = script };
        if (retry is not null)
        {
            handler = new RetryHandler(retry, time, NullLogger.Instance) { InnerHandler = handler, BudgetSpent = Tokens.SaysBudgetSpent };
        }

        return new HttpClient(handler);
    }

    private static MeterListener Listen(List<(long Cost, Dictionary<string, object?> Tags)> recorded, string connectionId)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ConnectorTelemetry.Name && instrument.Name == "tandem.vendor.cost")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                map[tag.Key] = tag.Value;
            }

            // Other tests' calls may be measured at the same time: only this test's connection counts.
            if (Equals(map.GetValueOrDefault("tandem.connection.id"), connectionId))
            {
                lock (recorded)
                {
                    recorded.Add((value, map));
                }
            }
        });
        listener.Start();
        return listener;
    }
}
