using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Engine.Tests.Scenarios.Pairs;

/// <summary>
/// What the engine must do for every pair of apps, end to end over the apps' real protocols: a pair's test class
/// says how to make its two sides and which custom-field rows it can map, and inherits every case.
/// </summary>
public abstract class PairSyncTests
{
    /// <summary>A fresh side A (not started).</summary>
    protected abstract AppSide CreateA();

    protected abstract AppSide CreateB();

    /// <summary>Custom-field rows of the pair, in batches that each fit one connection (no two rows target one field).</summary>
    protected abstract IReadOnlyList<IReadOnlyList<CustomFieldCase>> CustomFieldBatches { get; }

    /// <summary>Lets the sides offer the custom fields of a batch before its mapping is compiled (Google's userDefined keys).</summary>
    protected virtual Task PrepareCustomFieldsAsync(PairHarness pair, IReadOnlyList<CustomFieldCase> batch) => Task.CompletedTask;

    [Fact]
    public async Task The_first_sync_links_equal_emails_creates_what_is_missing_on_each_side_and_the_next_sync_writes_nothing()
    {
        await using var pair = await PairHarness.StartAsync(CreateA(), CreateB());
        await pair.A.AddAsync("Ann", "Both", "ann.both@example.com", (pair.A.TextFields.First, Values.Text("Buyer")));
        await pair.B.AddAsync("Ann", "Both", "ann.both@example.com");
        await pair.A.AddAsync("Only", "Ina", "only.a@example.com");
        await pair.B.AddAsync("Only", "Inb", "only.b@example.com");

        var first = await pair.SyncAsync();
        var quiet = await pair.SyncAsync();

        string[] everyone = ["ann.both@example.com", "only.a@example.com", "only.b@example.com"];
        var a = await pair.A.ByEmailAsync();
        var b = await pair.B.ByEmailAsync();
        Assert.Equal(everyone, a.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(everyone, b.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3, await pair.Sync.LinkCountAsync());
        Assert.Equal("Buyer", b["ann.both@example.com"].Get(pair.B.TextFields.First)?.Canonical);
        Assert.Equal("Inb", a["only.b@example.com"].Get(StandardFieldKeys.LastName)?.Canonical);
        Assert.Equal("Ina", b["only.a@example.com"].Get(StandardFieldKeys.LastName)?.Canonical);
        Assert.Equal(2, first.A.Created + first.B.Created);
        Assert.Equal(0, quiet.WriteCalls);
    }

    [Fact]
    public async Task Edits_on_either_side_reach_the_other_and_then_the_sync_is_quiet()
    {
        await using var pair = await PairHarness.StartAsync(CreateA(), CreateB());
        var x = await pair.A.AddAsync("Xavi", "Ex", "x@example.com");
        await pair.A.AddAsync("Yara", "Why", "y@example.com");
        await pair.SyncAsync();
        var y = (await pair.B.FindAsync("y@example.com")).Id;

        await pair.A.SetAsync(x, pair.A.TextFields.First, Values.Text("Edited in A"));
        await pair.B.SetAsync(y, pair.B.TextFields.Second, Values.Text("Edited in B"));
        await pair.SyncAsync();
        var quiet = await pair.SyncAsync();

        Assert.Equal("Edited in A", (await pair.B.FindAsync("x@example.com")).Get(pair.B.TextFields.First)?.Canonical);
        Assert.Equal("Edited in B", (await pair.A.FindAsync("y@example.com")).Get(pair.A.TextFields.Second)?.Canonical);
        Assert.Equal(0, quiet.WriteCalls);
    }

    [Fact]
    public async Task Changes_to_more_contacts_than_one_write_batch_all_arrive_both_ways()
    {
        await using var pair = await PairHarness.StartAsync(CreateA(), CreateB());
        var ids = await pair.A.AddManyAsync(250);
        await pair.SyncAsync();
        await pair.SyncAsync();
        var onB = (await pair.B.ByEmailAsync()).Values.Select(r => r.Id).ToList();

        await pair.B.SetManyAsync(onB, pair.B.TextFields.First, Values.Text("Changed in B"));
        await pair.SyncAsync();
        await pair.A.SetManyAsync(ids, pair.A.TextFields.Second, Values.Text("Changed in A"));
        await pair.SyncAsync();

        Assert.Equal(250, onB.Count);
        Assert.All((await pair.A.ByEmailAsync()).Values, r => Assert.Equal("Changed in B", r.Get(pair.A.TextFields.First)?.Canonical));
        Assert.All((await pair.B.ByEmailAsync()).Values, r => Assert.Equal("Changed in A", r.Get(pair.B.TextFields.Second)?.Canonical));
    }

    [Fact]
    public async Task The_same_field_changed_on_both_sides_keeps_the_winning_apps_value_and_logs_the_losers()
    {
        await using var pair = await PairHarness.StartAsync(CreateA(), CreateB());
        pair.Settings = new ConnectionSettings { WinningSide = Side.B };
        var a = await pair.A.AddAsync("Cora", "Flict", "cora@example.com");
        await pair.SyncAsync();
        var b = (await pair.B.FindAsync("cora@example.com")).Id;

        await pair.A.SetAsync(a, pair.A.TextFields.First, Values.Text("Loser value"));
        await pair.B.SetAsync(b, pair.B.TextFields.First, Values.Text("Winner value"));
        var report = await pair.SyncAsync();

        Assert.Equal(1, report.Conflicts);
        Assert.Equal("Winner value", (await pair.A.ReadAsync(a)).Get(pair.A.TextFields.First)?.Canonical);
        Assert.Equal("Winner value", (await pair.B.ReadAsync(b)).Get(pair.B.TextFields.First)?.Canonical);
        var conflict = Assert.Single(await pair.Sync.ActivityAsync(), row => row.Kind == "conflict");
        Assert.Contains("Loser value", conflict.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_sync_deletions_on_a_contact_deleted_on_one_side_is_tagged_for_review_on_the_other_and_kept()
    {
        await using var pair = await PairHarness.StartAsync(CreateA(), CreateB());
        pair.Settings = new ConnectionSettings { Options = new SyncOptions { SyncDeletions = true } };
        var gone = await pair.A.AddAsync("Dora", "Gone", "dora@example.com");
        await pair.A.AddAsync("Bea", "Gone", "bea@example.com");
        await pair.A.AddAsync("Stay", "Here", "stay@example.com");
        await pair.SyncAsync();
        var goneOnB = (await pair.B.FindAsync("bea@example.com")).Id;

        await pair.A.DeleteAsync(gone);
        await pair.B.DeleteAsync(goneOnB);
        await pair.SyncAsync();
        var quiet = await pair.SyncAsync();

        Assert.Contains(SyncOptions.TrashTag, (await pair.B.FindAsync("dora@example.com")).Tags);
        Assert.Contains(SyncOptions.TrashTag, (await pair.A.FindAsync("bea@example.com")).Tags);
        Assert.DoesNotContain(SyncOptions.TrashTag, (await pair.B.FindAsync("stay@example.com")).Tags);
        Assert.Equal(0, quiet.WriteCalls);
    }

    [Fact]
    public async Task With_sync_unsubscribes_on_an_unsubscribe_in_one_app_tags_the_contact_in_the_other()
    {
        await using var pair = await PairHarness.StartAsync(CreateA(), CreateB());
        var source = pair.A.DetectsUnsubscribes ? Side.A : pair.B.DetectsUnsubscribes ? Side.B : (Side?)null;
        if (source is not { } from)
        {
            Assert.Skip($"Neither {pair.A.App} nor {pair.B.App} has unsubscribes.");
            return;
        }

        pair.Settings = new ConnectionSettings { Options = new SyncOptions { SyncUnsubscribes = true } };
        var id = await pair.Side(from).AddAsync("Una", "Subscribe", "una@example.com");
        await pair.Side(from).AddAsync("Still", "Subscribed", "still@example.com");
        await pair.SyncAsync();

        await pair.Side(from).UnsubscribeAsync(id);
        await pair.SyncAsync();
        var quiet = await pair.SyncAsync();

        var other = pair.Side(from.Other());
        Assert.Contains(SyncOptions.UnsubscribesTag, (await other.FindAsync("una@example.com")).Tags);
        Assert.DoesNotContain(SyncOptions.UnsubscribesTag, (await other.FindAsync("still@example.com")).Tags);
        Assert.True((await pair.Side(from).ReadAsync(id)).IsUnsubscribed);
        Assert.Equal(0, quiet.WriteCalls);
    }

    [Fact]
    public async Task A_rule_syncs_only_the_contacts_its_filter_matches_and_runs_its_action_on_the_other_side()
    {
        await using var pair = await PairHarness.StartAsync(CreateA(), CreateB());
        var buyers = new Rule
        {
            Id = "buyers",
            Filters = [new Filter(FilterKind.FieldEquals, pair.A.TextFields.First, "Buyer")],
            Actions = [new RuleAction(ActionKind.AddTag, Value: PipedriveSide.RuleTag)],
        };
        pair.Settings = new ConnectionSettings { RulesA = [buyers], RulesB = [] };
        await pair.A.AddAsync("Bud", "Buyer", "bud@example.com", (pair.A.TextFields.First, Values.Text("Buyer")));
        var browser = await pair.A.AddAsync("Bro", "Wser", "bro@example.com", (pair.A.TextFields.First, Values.Text("Browser")));

        await pair.SyncAsync();

        var b = await pair.B.ByEmailAsync();
        Assert.Equal(["bud@example.com"], b.Keys);
        Assert.Contains(PipedriveSide.RuleTag, b["bud@example.com"].Tags);
        var excluded = Assert.Single(await pair.Sync.HealthAsync(), h => h.RecordId == browser);
        Assert.Contains("Matches none of the rules", excluded.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custom_fields_of_every_compatible_type_are_carried_in_the_directions_their_types_allow()
    {
        if (CustomFieldBatches.Count == 0)
        {
            Assert.Skip("The pair has no custom fields to map.");
        }

        foreach (var batch in CustomFieldBatches)
        {
            await using var pair = await PairHarness.StartAsync(CreateA(), CreateB());
            await PrepareCustomFieldsAsync(pair, batch);
            pair.Settings = new ConnectionSettings { Mappings = await MappingsAsync(pair, batch) };
            var ids = new Dictionary<CustomFieldCase, string>();
            foreach (var (source, cases) in batch.GroupBy(c => c.Source).Select(g => (g.Key, g.ToList())))
            {
                var email = $"custom.{source}@example.com".ToLowerInvariant();
                var id = await pair.Side(source).AddAsync("Cus", "Tom", email, [.. cases.Select(c => (c.SourceField, c.Value))]);
                cases.ForEach(c => ids[c] = id);
            }

            await pair.SyncAsync();

            foreach (var c in batch)
            {
                var target = await pair.Side(c.Source.Other()).FindAsync($"custom.{c.Source}@example.com".ToLowerInvariant());
                Assert.True(c.Expected == target.Get(c.TargetField)?.Canonical, $"{c.Kind}: expected '{c.Expected}' in {c.TargetField}, got '{target.Get(c.TargetField)?.Canonical}'.");
            }

            var backs = batch.Where(c => c.Back is not null).ToList();
            foreach (var c in backs)
            {
                var target = await pair.Side(c.Source.Other()).FindAsync($"custom.{c.Source}@example.com".ToLowerInvariant());
                await pair.Side(c.Source.Other()).SetAsync(target.Id, c.TargetField, c.Back);
            }

            await pair.SyncAsync();
            var quiet = await pair.SyncAsync();

            foreach (var c in backs)
            {
                var source = await pair.Side(c.Source).ReadAsync(ids[c]);
                Assert.True(c.BackExpected == source.Get(c.SourceField)?.Canonical, $"{c.Kind} back: expected '{c.BackExpected}' in {c.SourceField}, got '{source.Get(c.SourceField)?.Canonical}'.");
            }

            Assert.Equal(0, quiet.WriteCalls);
        }
    }

    /// <summary>The pair's default mapping without the rows a batch takes over, plus the batch's rows (choice rows with their value table).</summary>
    private static async Task<IReadOnlyList<FieldMapping>> MappingsAsync(PairHarness pair, IReadOnlyList<CustomFieldCase> batch)
    {
        await using var a = pair.A.Connect();
        await using var b = pair.B.Connect();
        var schemaA = await a.GetSchemaAsync(TestContext.Current.CancellationToken);
        var schemaB = await b.GetSchemaAsync(TestContext.Current.CancellationToken);
        var defaults = DefaultMappings.For(schemaA, schemaB);

        // Choice to choice maps through a value table; the wizard pre-fills it by option labels and the user keeps it.
        var taken = batch.Select(c => c.Mapping).Select(m => schemaA.Find(m.AField) is { Options.Count: > 0 } fa && schemaB.Find(m.BField) is { Options.Count: > 0 } fb
            ? m with { ValueTable = ValueTables.Prefill(fa.Options, fb.Options) }
            : m).ToList();
        return [.. defaults.Where(d => !taken.Any(t => t.AField == d.AField || t.BField == d.BField)), .. taken];
    }
}
