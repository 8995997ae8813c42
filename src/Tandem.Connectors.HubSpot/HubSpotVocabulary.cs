using Tandem.Connectors.Contract;
using Tandem.Connectors.Vocabulary;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.HubSpot;

/// <summary>
/// HubSpot's filters and actions in its own words: HubSpot has no tags, so Tandem's tags are static lists ("is in static
/// list", "add to static list"); the contact owner ("owned by", "set contact owner").
/// </summary>
internal static class HubSpotVocabulary
{
    private const string OwnerId = "owner id";

    public static RuleVocabulary For(ConnectorCapabilities capabilities) =>
        RuleVocabulary.Standard(capabilities)
            .Saying(FilterKind.HasTag, "is in static list")
            .Saying(FilterKind.HasNotTag, "is not in static list")
            .Saying(ActionKind.AddTag, "add to static list")
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldEquals, "is owned by") { Field = HubSpotFieldKeys.Owner, TakesValue = true, ValueHint = OwnerId })
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldNotEquals, "is not owned by") { Field = HubSpotFieldKeys.Owner, TakesValue = true, ValueHint = OwnerId })
            .Adding(new RuleTerm<ActionKind>(ActionKind.SetField, "set contact owner to") { Field = HubSpotFieldKeys.Owner, TakesValue = true, ValueHint = OwnerId });
}
