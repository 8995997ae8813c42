using Tandem.Connectors.Catalog;
using Tandem.Connectors.GoogleContacts;
using Tandem.Connectors.Pipedrive;
using Tandem.Domain.Configuration;
using Tandem.Web.Components.Pages.Wizard;
using Tandem.Web.Services.Catalog;

namespace Tandem.Web.Tests.Wizard;

/// <summary>The wizard's rule editor speaks each app's words as its connector gives them, and turns a picked term into the rule.</summary>
public sealed class RuleWordsTests
{
    private static readonly AppView Pipedrive = View(new PipedriveConnectorFactory().Descriptor);
    private static readonly AppView Google = View(new GoogleContactsConnectorFactory().Descriptor);

    [Fact]
    public void The_same_kind_reads_in_each_apps_own_words_with_the_other_apps_name()
    {
        var inGroup = RuleWords.TermOf(new DraftStep<FilterKind> { Kind = FilterKind.HasTag, Value = "VIP" }, Google)!;
        var hasLabel = RuleWords.TermOf(new DraftStep<FilterKind> { Kind = FilterKind.HasTag, Value = "VIP" }, Pipedrive)!;
        var exists = RuleWords.TermOf(new DraftStep<FilterKind> { Kind = FilterKind.ExistsInOtherApp }, Google)!;

        Assert.Equal("is in contact group", RuleWords.Phrase(inGroup, Pipedrive));
        Assert.Equal("has label", RuleWords.Phrase(hasLabel, Google));
        Assert.Equal("already exists in Pipedrive (update only, never create)", RuleWords.Phrase(exists, Pipedrive));
    }

    [Fact]
    public void A_stored_rule_reads_as_the_apps_named_terms_where_they_fit()
    {
        var draft = DraftRule.From(new Rule
        {
            Id = "prospects",
            Filters = [new Filter(FilterKind.FieldEquals, PipedriveFieldKeys.DealsCount, "0"), new Filter(FilterKind.FieldEquals, PipedriveFieldKeys.DealsCount, "3")],
            Actions = [new RuleAction(ActionKind.SetField, PipedriveFieldKeys.Owner, "7")],
        });

        Assert.Equal(["has no deals", "a field is"], draft.Conditions.Select(c => RuleWords.TermOf(c, Pipedrive)!.Phrase));
        Assert.Equal("set owner to", RuleWords.TermOf(draft.Actions[0], Pipedrive)!.Phrase);
        Assert.Equal("2", RuleWords.OptionOf(Pipedrive.Vocabulary.Filters, RuleWords.TermOf(draft.Conditions[0], Pipedrive)));
    }

    [Fact]
    public void Picking_a_term_gives_the_step_its_kind_and_fixed_field_and_value_and_drops_what_it_does_not_take()
    {
        var step = new DraftStep<FilterKind> { Kind = FilterKind.FieldEquals, Field = "job_title", Value = "CEO" };
        var filters = Pipedrive.Vocabulary.Filters;

        RuleWords.Pick(step, filters, Option(filters, "has label"));
        Assert.Equal((FilterKind.HasTag, null, "CEO"), (step.Kind, step.Field, step.Value));

        RuleWords.Pick(step, filters, Option(filters, "has no deals"));
        Assert.Equal((FilterKind.FieldEquals, PipedriveFieldKeys.DealsCount, "0"), (step.Kind, step.Field, step.Value));

        RuleWords.Pick(step, filters, Option(filters, "is subscribed"));
        Assert.Equal((FilterKind.IsSubscribed, null, null), (step.Kind, step.Field, step.Value));
    }

    [Fact]
    public void A_general_term_picked_on_a_named_terms_field_stays_the_general_term()
    {
        var step = RuleWords.First(Pipedrive.Vocabulary.Filters);
        step.Field = PipedriveFieldKeys.Owner;
        step.Value = "7";

        Assert.Equal("a field is", RuleWords.TermOf(step, Pipedrive)!.Phrase);
        Assert.Equal("is owned by", RuleWords.TermOf(new DraftStep<FilterKind> { Kind = step.Kind, Field = step.Field, Value = step.Value }, Pipedrive)!.Phrase);
    }

    [Fact]
    public void A_new_action_on_google_adds_to_a_contact_group_named_in_the_value_box()
    {
        var step = RuleWords.First(Google.Vocabulary.Actions);
        var term = RuleWords.TermOf(step, Google)!;

        Assert.Equal(ActionKind.AddTag, step.Kind);
        Assert.Equal(("add to contact group", true, "contact groups"), (RuleWords.Phrase(term, Pipedrive), term.TakesValue, term.ValueHint));
    }

    private static string Option<TKind>(IReadOnlyList<Connectors.Vocabulary.RuleTerm<TKind>> terms, string phrase)
        where TKind : struct, Enum =>
        RuleWords.OptionOf(terms, terms.Single(t => t.Phrase == phrase));

    private static AppView View(ConnectorDescriptor descriptor) =>
        new(
            descriptor.App,
            descriptor.DisplayName,
            descriptor.UsesOAuth,
            [],
            new AppCapabilitiesView([AppCatalogService.Contacts], descriptor.Capabilities.Filters, descriptor.Capabilities.Actions, descriptor.Capabilities.TagContainer, false, false, false, false, false, false),
            HasSandbox: false)
        {
            Vocabulary = descriptor.Vocabulary,
        };
}
