using Tandem.Domain.Configuration;

namespace Tandem.Connectors.Pipeliner.Tests;

/// <summary>Pipeliner's filters and actions in its own words (the seed's lists): sales units and owners besides any field and tag.</summary>
public sealed class PipelinerVocabularyTests
{
    private readonly Catalog.ConnectorDescriptor descriptor = new PipelinerConnectorFactory().Descriptor;

    [Fact]
    public void Its_filters_read_as_the_seed_lists_them()
    {
        Assert.Equal(
            [
                "a field is", "is in sales unit", "is owned by", "a field is not", "is not in sales unit", "is not owned by", "a field contains",
                "a field is empty", "a field is not empty", "has tag", "does not have tag", "is subscribed", "is unsubscribed",
                "already exists in Google Contacts (update only, never create)",
            ],
            descriptor.Vocabulary.Filters.Select(t => t.PhraseWith("Google Contacts")));
    }

    [Fact]
    public void Its_actions_set_the_sales_unit_or_the_owner_besides_fields_tags_and_unsubscribes()
    {
        Assert.Equal(["add tag", "set a field to", "set sales unit to", "set owner to", "unsubscribe"], descriptor.Vocabulary.Actions.Select(t => t.Phrase));
    }

    [Fact]
    public void In_sales_unit_fixes_the_unit_field_and_asks_for_the_units_name()
    {
        var inUnit = descriptor.Vocabulary.TermOf(FilterKind.FieldEquals, PipelinerFieldKeys.SalesUnit, "EMEA")!;
        var setOwner = descriptor.Vocabulary.TermOf(ActionKind.SetField, PipelinerFieldKeys.Owner, "7")!;

        Assert.Equal(("is in sales unit", true, "sales unit name"), (inUnit.Phrase, inUnit.TakesValue, inUnit.ValueHint));
        Assert.Equal(("set owner to", true, "user id"), (setOwner.Phrase, setOwner.TakesValue, setOwner.ValueHint));
        Assert.Equal("a field is", descriptor.Vocabulary.TermOf(FilterKind.FieldEquals, "cf_industry", "Retail")!.Phrase);
    }
}
