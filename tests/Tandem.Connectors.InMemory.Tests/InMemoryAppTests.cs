using System.Collections.Immutable;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.InMemory.Tests;

public sealed class InMemoryAppTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hundred_thousand_seeded_contacts_list_once_each_and_a_late_edit_is_one_change()
    {
        var app = new InMemoryApp(new() { Capabilities = InMemoryCapabilities.Crm with { ReadBatchSize = 1000 } });
        var ids = app.Seed(100_000);
        await using var connector = app.Connect();

        var pages = await Drain.AllAsync(connector.ListAllAsync(Ct));
        app.Set(ids[73_456], "title", Values.Text("late"));
        var changes = await connector.ReadChangesAsync(pages[^1].CursorAfter!, Ct);

        Assert.Equal(100, pages.Count);
        Assert.Equal(100_000, pages.SelectMany(p => p.Records).Select(r => r.Id).Distinct().Count());
        Assert.Equal([ids[73_456]], changes.Changed.Select(r => r.Id));
    }

    [Fact]
    public void Many_rewrites_of_one_record_keep_a_single_change_and_the_feed_in_order()
    {
        var app = new InMemoryApp();
        var ids = app.Seed(3);
        for (var i = 0; i < 5000; i++)
        {
            app.Touch(ids[1]);
        }

        app.Touch(ids[0]);

        Assert.Equal(5004, app.CurrentSequence);
        Assert.Equal("v5003", app.Get(ids[1])!.Version);
        Assert.Equal(3, app.Snapshot().Count);
    }

    [Fact]
    public void Seeded_contacts_carry_the_sample_name_email_and_company()
    {
        var app = new InMemoryApp();

        var record = app.Get(app.Seed(1)[0])!;

        Assert.Equal(["emails", "name.first", "name.last", "org"], record.Fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("ann.peeters.0@example.com", ((ListValue)record.Get("emails")!).Primary.Text);
    }

    [Fact]
    public void An_outside_edit_with_a_field_the_schema_lacks_is_a_test_mistake()
    {
        var app = new InMemoryApp();
        var id = app.CreatePerson("Ann", "Lee").Id;

        Assert.Throws<ArgumentException>(() => app.Set(id, "nickname", Values.Text("An")));
        Assert.Throws<ArgumentException>(() => app.Set(id, "birthday", Values.Text("tomorrow")));
    }

    [Fact]
    public void A_full_name_schema_creates_people_with_one_name_field()
    {
        var app = new InMemoryApp(new() { Schema = InMemorySchemaBuilder.Crm().WithFullName().Build() });

        var record = app.CreatePerson("Ann", "Lee");

        Assert.Equal(["name.full"], record.Fields.Keys);
        Assert.Equal("Ann Lee", record.Get("name.full")?.Canonical);
    }

    [Fact]
    public async Task A_field_added_by_the_user_appears_in_the_next_schema_read()
    {
        var app = new InMemoryApp();
        await using var connector = app.Connect();

        app.AddField(new FieldDefinition("score", "Score", FieldType.Number) { IsCustom = true });
        var schema = await connector.GetSchemaAsync(Ct);

        Assert.Equal(FieldType.Number, schema.Find("score")?.Type);
        Assert.Equal(1, app.Calls.SchemaCalls);
    }

    [Fact]
    public void Every_field_type_has_a_custom_field_and_choices_have_options()
    {
        var schema = InMemorySchemaBuilder.Empty().AddEveryType().Build();

        // Every type but tags (an app has at most one tags field), and the read-only number.
        Assert.Equal(Enum.GetValues<FieldType>().Length - 1 + 1, schema.Fields.Count);
        Assert.Null(schema.Fields.FirstOrDefault(f => f.Type == FieldType.Tags));
        Assert.Equal(["Red", "Green", "Blue"], schema.Find("custom.multiplechoice")!.Options.Select(o => o.Label));
        Assert.True(schema.Find("custom.readonly")!.IsReadOnly);
    }

    [Fact]
    public async Task Connectors_on_one_app_see_each_others_writes()
    {
        var app = new InMemoryApp();
        await using var first = app.Connect();
        await using var second = app.Connect();

        var created = Assert.Single(await first.WriteAsync([Ops.Create("shared@example.com")], Ct)).Record!;
        var seen = await second.GetAsync([created.Id], Ct);

        Assert.Equal(created, Assert.Single(seen));
        Assert.Equal(ImmutableSortedSet<string>.Empty, seen[0].Tags);
    }
}
