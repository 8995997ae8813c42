using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Cost;
using Tandem.Connectors.Testing;
using Tandem.Connectors.Testing.Specs;
using Tandem.Sandbox;
using Tandem.Sandbox.Pipedrive;

namespace Tandem.Connectors.Pipedrive.Tests;

/// <summary>
/// Pipedrive's token-based daily budget: the sandbox charges each operation its documented cost and refuses with 429
/// once the company's budget is spent; the connector counts the same tokens, and a spent budget stops polling until
/// the reset.
/// </summary>
public sealed class PipedriveTokenBudgetTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private readonly OpenApiValidator validator = PipedriveOpenApi.CreateValidator();
    private readonly FakeTimeProvider time = new(Morning);
    private readonly PipedriveSandbox sandbox;
    private readonly AccountBudget budget;
    private SandboxHost? host;

    public PipedriveTokenBudgetTests()
    {
        sandbox = new PipedriveSandbox(new PipedriveSandboxOptions { SeedPersons = 30, DailyTokenBudget = PipedriveCosts.SmallestPlanDailyTokens }, time);
        budget = new AccountBudgets(time).For(PipedriveConnectorFactory.App, "acc-1", PipedriveCosts.Model);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await SandboxHost.StartAsync(sandbox, port: 0, validator.Observe, Ct);

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        sandbox.Dispose();
        validator.AssertNoViolations();
    }

    [Fact]
    public async Task The_connector_counts_the_tokens_the_sandbox_charges_for_a_schema_read_a_listing_and_a_quiet_poll()
    {
        await using var connector = Connect();

        await connector.GetSchemaAsync(Ct);
        string? cursor = null;
        await foreach (var page in connector.ListAllAsync(Ct))
        {
            cursor = page.CursorAfter ?? cursor;
        }

        var afterListing = sandbox.TokensSpentToday;
        await connector.ReadChangesAsync(cursor!, Ct);

        Assert.True(afterListing > 0);
        Assert.Equal(sandbox.TokensSpentToday, budget.SpentToday);
        Assert.Equal(20, sandbox.TokensSpentToday - afterListing);
    }

    [Fact]
    public async Task Once_other_integrations_spent_the_day_s_budget_the_app_answers_429_and_polling_waits_for_the_reset()
    {
        await using var connector = Connect();
        sandbox.SpendTokensElsewhere(PipedriveCosts.SmallestPlanDailyTokens - 5);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => connector.GetSchemaAsync(Ct));
        var pace = PollingPace.For("Pipedrive", budget, webhooks: false, time.GetUtcNow());

        Assert.Contains("429", refused.Message + refused.InnerException?.Message, StringComparison.Ordinal);
        Assert.Equal(0, budget.Left);
        Assert.Equal(TimeSpan.FromHours(16), pace.Interval);
        Assert.Equal("Pipedrive daily budget 100 % used — not polling until it resets at 00:00 UTC", pace.Words);
    }

    [Fact]
    public async Task The_budget_is_whole_again_the_next_day_in_the_sandbox_and_in_the_connector_s_count()
    {
        await using var connector = Connect();
        sandbox.SpendTokensElsewhere(PipedriveCosts.SmallestPlanDailyTokens);
        await Assert.ThrowsAnyAsync<Exception>(() => connector.GetSchemaAsync(Ct));

        time.Advance(TimeSpan.FromHours(16));
        await connector.GetSchemaAsync(Ct);

        Assert.Equal(sandbox.TokensSpentToday, budget.SpentToday);
        Assert.Equal(PipedriveCosts.Model.SchemaReadCost, budget.SpentToday);
    }

    private IContactConnector Connect() => new PipedriveConnectorFactory(TestRetries.Fast).Create(
        new AccountSettings(new Dictionary<string, string> { ["apiToken"] = sandbox.Options.ApiToken, ["baseUrl"] = host!.BaseUri.ToString() }),
        new ConnectorContext(time, NullLoggerFactory.Instance) { Budget = budget }.Allowing(host.BaseUri));
}
