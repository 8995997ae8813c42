using Tandem.Connectors.Contract;
using Tandem.Connectors.Testing;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Mailchimp.Tests;

/// <summary>Creating a merge field on the spot for a mapping's target (IFieldCreator).</summary>
public sealed partial class MailchimpConformanceTests
{
    [Fact]
    public async Task A_created_field_is_returned_as_the_schema_lists_it_and_takes_values_at_once()
    {
        await using var connector = Connect();
        var creator = (IFieldCreator)connector;

        var level = await creator.CreateFieldAsync("Support level", FieldType.SingleChoice, ["Basic", "Gold"], Ct);
        var since = await creator.CreateFieldAsync("Customer since", FieldType.Date, [], Ct);
        var create = NewContact("ref-created-field", "created.field@example.com");
        create = create with { Fields = create.Fields.SetItem(level.Key, Values.Require(FieldType.SingleChoice, "Gold")).SetItem(since.Key, Values.Date(new PartialDate(2024, 2, 29))) };
        var written = Assert.Single(await connector.WriteAsync([create], Ct));
        var schema = await connector.GetSchemaAsync(Ct);

        Assert.Equal(Shape(level), Shape(schema.Find(level.Key)!));
        Assert.Equal(Shape(since), Shape(schema.Find(since.Key)!));
        Assert.StartsWith("merge.MMERGE", level.Key, StringComparison.Ordinal);
        Assert.Equal((FieldType.SingleChoice, "Support level"), (level.Type, level.Label));
        Assert.Equal(["Basic", "Gold"], level.Options.Select(o => o.Label));
        Assert.Equal(FieldType.Date, since.Type);
        Assert.True(written.Succeeded, written.Reason);
        Assert.Equal("Gold", written.Record!.Get(level.Key)?.Canonical);
        Assert.Equal("2024-02-29", written.Record.Get(since.Key)?.Canonical);
        Assert.Contains(FieldType.Address, creator.CreatableFieldTypes);
        Assert.DoesNotContain(FieldType.Boolean, creator.CreatableFieldTypes);
    }

    [Fact]
    public async Task A_multiple_choice_field_is_created_as_a_hidden_group_with_one_interest_per_option()
    {
        await using var connector = Connect();
        var creator = (IFieldCreator)connector;

        var products = await creator.CreateFieldAsync("Products owned", FieldType.MultipleChoice, ["Router", "Switch", " router "], Ct);
        var create = NewContact("ref-products", "products@example.com");
        create = create with { Fields = create.Fields.SetItem(products.Key, Values.MultipleChoice(products.Options.Select(o => o.Id))) };
        var written = Assert.Single(await connector.WriteAsync([create], Ct));
        var schema = await connector.GetSchemaAsync(Ct);

        Assert.StartsWith("group.", products.Key, StringComparison.Ordinal);
        Assert.Equal((FieldType.MultipleChoice, "Products owned"), (products.Type, products.Label));
        Assert.Equal(["Router", "Switch"], products.Options.Select(o => o.Label));
        Assert.Equal(Shape(products), Shape(schema.Find(products.Key)!));
        Assert.True(written.Succeeded, written.Reason);
        Assert.Equal(Values.MultipleChoice(products.Options.Select(o => o.Id)).Canonical, written.Record!.Get(products.Key)?.Canonical);
        var interests = sandbox.Member(Audience, "products@example.com")!["interests"]!;
        Assert.All(products.Options, o => Assert.True(interests[o.Id]!.GetValue<bool>()));
    }

    private static string Shape(FieldDefinition field) =>
        $"{field.Key}|{field.Label}|{field.Type}|{field.IsCustom}|{field.Role}|{string.Join(",", field.Options.Select(o => o.Id + "=" + o.Label))}";

    [Fact]
    public async Task A_name_in_use_a_type_Mailchimp_lacks_and_a_dropdown_without_options_are_refused_with_a_sentence()
    {
        await using var connector = Connect();
        var creator = (IFieldCreator)connector;
        var before = (await connector.GetSchemaAsync(Ct)).Fields.Count;

        var taken = await Assert.ThrowsAnyAsync<ConnectorException>(() => creator.CreateFieldAsync("plan", FieldType.Text, [], Ct));
        var boolean = await Assert.ThrowsAnyAsync<ConnectorException>(() => creator.CreateFieldAsync("Opted in", FieldType.Boolean, [], Ct));
        var empty = await Assert.ThrowsAnyAsync<ConnectorException>(() => creator.CreateFieldAsync("Tier", FieldType.SingleChoice, [], Ct));

        Assert.Equal("The Mailchimp audience already has a field named 'plan'.", taken.Message);
        Assert.StartsWith("Mailchimp has no field of type Boolean", boolean.Message, StringComparison.Ordinal);
        Assert.Equal("The Mailchimp choice field 'Tier' needs at least one option.", empty.Message);
        Assert.Equal(before, (await connector.GetSchemaAsync(Ct)).Fields.Count);
    }

    [Fact]
    public async Task Mailchimps_refusal_of_a_new_field_is_passed_on_in_its_words()
    {
        await using var connector = Connect(TestRetries.Fast, Tandem.Sandbox.Mailchimp.MailchimpSandbox.EventsAudienceId);
        var creator = (IFieldCreator)connector;
        for (var i = 5; i < sandbox.Options.MaxMergeFields; i++)
        {
            _ = await creator.CreateFieldAsync("Field " + i, FieldType.Text, [], Ct);
        }

        var refused = await Assert.ThrowsAnyAsync<ConnectorException>(() => creator.CreateFieldAsync("One too many", FieldType.Number, [], Ct));

        Assert.Equal($"Mailchimp refused the field 'One too many': An audience can have at most {sandbox.Options.MaxMergeFields} merge fields.", refused.Message);
    }
}
