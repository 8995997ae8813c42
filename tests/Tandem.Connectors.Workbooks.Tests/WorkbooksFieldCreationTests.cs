using System.Collections.Immutable;
using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Workbooks.Tests;

/// <summary>Custom fields made from Tandem through <c>admin/custom_fields.api</c>, as a mapping's target.</summary>
public sealed class WorkbooksFieldCreationTests : IAsyncLifetime
{
    private readonly WorkbooksSandboxFixture fixture = new(new Sandbox.Workbooks.WorkbooksSandboxOptions { SeedPeople = 5 });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await fixture.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await fixture.DisposeAsync();

    [Theory]
    [InlineData(FieldType.Text, "Favourite colour", "Teal")]
    [InlineData(FieldType.Number, "Seats", "12")]
    [InlineData(FieldType.Boolean, "Partner", "true")]
    [InlineData(FieldType.Date, "Renewal", "2027-03-01")]
    public async Task A_created_field_is_listed_in_the_schema_and_takes_values(FieldType type, string label, string value)
    {
        await using var connector = fixture.Connect();
        var creator = Assert.IsAssignableFrom<IFieldCreator>(connector);

        var field = await creator.CreateFieldAsync(label, type, [], Ct);

        Assert.Equal(type, field.Type);
        Assert.True(field.IsCustom);
        var listed = (await connector.GetSchemaAsync(Ct)).Find(field.Key);
        Assert.NotNull(listed);
        Assert.Equal(label, listed.Label);
        var written = Assert.Single(await connector.WriteAsync([Create(field.Key, Values.Create(type, value)!)], Ct));
        Assert.True(written.Succeeded, written.Reason);
        Assert.Equal(Values.Create(type, value)!.Canonical, written.Record!.Get(field.Key)?.Canonical);
    }

    [Fact]
    public async Task A_field_whose_label_is_taken_is_refused_in_words()
    {
        await using var connector = fixture.Connect();

        var refused = await Assert.ThrowsAsync<ConnectorException>(() => ((IFieldCreator)connector).CreateFieldAsync("Nickname", FieldType.Text, [], Ct));

        Assert.Equal("Workbooks already has a field called Nickname.", refused.Message);
    }

    [Fact]
    public async Task A_choice_field_is_not_offered_since_Workbooks_needs_a_picklist_first()
    {
        await using var connector = fixture.Connect();

        Assert.DoesNotContain(FieldType.SingleChoice, ((IFieldCreator)connector).CreatableFieldTypes);
        await Assert.ThrowsAsync<ConnectorException>(() => ((IFieldCreator)connector).CreateFieldAsync("Tier", FieldType.SingleChoice, ["Gold", "Silver"], Ct));
    }

    private static CreateOperation Create(string key, FieldValue value) => new(
        "create-" + key,
        "ref-" + key,
        ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, FieldValue>
        {
            ["name.first"] = Values.Text("Field"),
            ["name.last"] = Values.Text("Tester"),
            [key] = value,
        }),
        ImmutableSortedSet<string>.Empty);
}
