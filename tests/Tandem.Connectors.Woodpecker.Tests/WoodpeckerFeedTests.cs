using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Woodpecker.Tests;

/// <summary>
/// The change feed over a listing with no "since" filter: newest <c>updated</c> first, read down to the cursor and no
/// further, tie-safe within a second, deletions found from the prospect count.
/// </summary>
public sealed class WoodpeckerFeedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_quiet_poll_costs_one_call()
    {
        await using var run = await WoodpeckerRun.StartAsync(prospects: 300);
        await using var connector = run.Connect();
        var cursor = await CursorAsync(connector);

        var calls = run.Sandbox.ApiCalls;
        var page = await connector.ReadChangesAsync(cursor, Ct);

        Assert.Equal(1, run.Sandbox.ApiCalls - calls);
        Assert.Empty(page.Changed);
        Assert.Empty(page.DeletedIds);
    }

    [Fact]
    public async Task Paging_stops_at_the_first_page_that_reaches_past_the_cursor()
    {
        await using var run = await WoodpeckerRun.StartAsync(prospects: 600);
        await using var connector = run.Connect();
        var cursor = await CursorAsync(connector);
        var edited = run.Sandbox.ProspectIds().Take(150).ToList();
        foreach (var id in edited)
        {
            run.Sandbox.EditProspect(id, new Dictionary<string, string> { ["title"] = "Edited" });
        }

        var calls = run.Sandbox.ApiCalls;
        var page = await connector.ReadChangesAsync(cursor, Ct);

        // 150 changes at 100 a page: the second page holds the last 50 changes and the first older prospect.
        Assert.Equal(2, run.Sandbox.ApiCalls - calls);
        Assert.Equal(edited.Select(Text).Order(), page.Changed.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task A_quiet_poll_after_many_changes_in_one_second_reads_that_second_in_the_largest_pages()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var run = await WoodpeckerRun.StartAsync(prospects: 1500, clock);
        await using var connector = run.Connect();
        var cursor = await CursorAsync(connector);
        clock.Advance(TimeSpan.FromMinutes(1));
        foreach (var id in run.Sandbox.ProspectIds())
        {
            run.Sandbox.EditProspect(id, new Dictionary<string, string> { ["title"] = "Imported" });
        }

        var delivered = await connector.ReadChangesAsync(cursor, Ct);
        var calls = run.Sandbox.ApiCalls;
        var quiet = await connector.ReadChangesAsync(delivered.NextCursor, Ct);

        // Woodpecker orders nothing within a second, so the 1,500 ties are read again: one page of 100, then two of 1,000.
        Assert.Equal(3, run.Sandbox.ApiCalls - calls);
        Assert.Equal(1500, delivered.Changed.Count);
        Assert.Empty(quiet.Changed);
    }

    [Fact]
    public async Task A_prospect_changed_later_in_the_cursors_second_is_delivered_and_those_already_delivered_are_not_repeated()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var run = await WoodpeckerRun.StartAsync(prospects: 20, clock);
        await using var connector = run.Connect();
        var cursor = await CursorAsync(connector);
        var ids = run.Sandbox.ProspectIds();
        clock.Advance(TimeSpan.FromMinutes(1));

        run.Sandbox.EditProspect(ids[0], new Dictionary<string, string> { ["title"] = "First" });
        var first = await connector.ReadChangesAsync(cursor, Ct);
        run.Sandbox.EditProspect(ids[1], new Dictionary<string, string> { ["title"] = "Same second" });
        var second = await connector.ReadChangesAsync(first.NextCursor, Ct);
        var third = await connector.ReadChangesAsync(second.NextCursor, Ct);

        Assert.Equal([Text(ids[0])], first.Changed.Select(r => r.Id));
        Assert.Equal([Text(ids[1])], second.Changed.Select(r => r.Id));
        Assert.Empty(third.Changed);
    }

    [Fact]
    public async Task A_deletion_is_found_even_when_a_creation_keeps_the_count_unchanged()
    {
        await using var run = await WoodpeckerRun.StartAsync(prospects: 50);
        await using var connector = run.Connect();
        var cursor = await CursorAsync(connector);
        var gone = run.Sandbox.ProspectIds()[10];
        run.Sandbox.DeleteProspect(gone);
        var created = Assert.Single(await connector.WriteAsync(
            [new CreateOperation("c", "c", ImmutableDictionary<string, FieldValue>.Empty.Add(StandardFieldKeys.Emails, Values.Email("fresh@example.com")), ImmutableSortedSet<string>.Empty)], Ct));

        var page = await connector.ReadChangesAsync(cursor, Ct);
        var after = await connector.ReadChangesAsync(page.NextCursor, Ct);

        Assert.Equal([Text(gone)], page.DeletedIds);
        Assert.Equal([created.Record!.Id], page.Changed.Select(r => r.Id));
        Assert.Empty(after.DeletedIds);
        Assert.Empty(after.Changed);
    }

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<string> CursorAsync(IContactConnector connector)
    {
        string? cursor = null;
        await foreach (var page in connector.ListAllAsync(Ct))
        {
            cursor = page.CursorAfter ?? cursor;
        }

        return cursor!;
    }
}
