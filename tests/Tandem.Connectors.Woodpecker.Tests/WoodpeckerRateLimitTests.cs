using System.Collections.Immutable;
using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Woodpecker.Tests;

/// <summary>Woodpecker serves one request at a time per key and drops what overflows its queue: Tandem never sends two at once.</summary>
public sealed class WoodpeckerRateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_connections_on_the_same_key_never_have_two_requests_in_flight_together()
    {
        await using var run = await WoodpeckerRun.StartAsync(prospects: 1500);
        await using var first = run.Connect();
        await using var second = run.Connect();
        var ids = run.Sandbox.ProspectIds().Take(20).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        await Task.WhenAll(
            ListAsync(first),
            ListAsync(second),
            first.GetAsync(ids, Ct),
            second.GetAsync(ids, Ct),
            second.GetSchemaAsync(Ct));

        Assert.Equal(1, run.Sandbox.MostRequestsAtOnce);
        Assert.Equal(0, run.Sandbox.DroppedRequests);
    }

    [Fact]
    public async Task A_dropped_write_is_retried_after_a_backoff_and_creates_each_prospect_once()
    {
        await using var run = await WoodpeckerRun.StartAsync();
        await using var connector = run.Connect();
        var before = run.Sandbox.ProspectCount;

        // The storm answers exactly as a full queue does: 429 with E_TOO_MANY_REQUESTS, before anything is done.
        run.Sandbox.Faults.RateLimitStorm(2);
        var results = await connector.WriteAsync([Create("a", "ada@example.com"), Create("b", "bob@example.com")], Ct);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));
        Assert.Equal(before + 2, run.Sandbox.ProspectCount);
        Assert.Equal(3, run.Sandbox.ApiCalls);
    }

    private static async Task ListAsync(IContactConnector connector)
    {
        await foreach (var _ in connector.ListAllAsync(Ct))
        {
        }
    }

    private static CreateOperation Create(string reference, string email) => new(
        "create-" + reference,
        reference,
        ImmutableDictionary<string, FieldValue>.Empty.Add(StandardFieldKeys.Emails, Values.Email(email)),
        ImmutableSortedSet<string>.Empty);
}
