using Tandem.Connectors.Contract;
using Tandem.Connectors.Vocabulary;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.Pipedrive;

/// <summary>
/// Pipedrive's filters and actions in its own words (PRODUCT.md §2, the seeds' "has no deals"): labels, the owner
/// ("owned/not owned by", "set owner"), and a person with no deals, besides any field's value.
/// </summary>
internal static class PipedriveVocabulary
{
    private const string UserId = "user id";

    public static RuleVocabulary For(ConnectorCapabilities capabilities) =>
        RuleVocabulary.Standard(capabilities)
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldEquals, "is owned by") { Field = PipedriveFieldKeys.Owner, TakesValue = true, ValueHint = UserId })
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldEquals, "has no deals") { Field = PipedriveFieldKeys.DealsCount, Value = "0" })
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldNotEquals, "is not owned by") { Field = PipedriveFieldKeys.Owner, TakesValue = true, ValueHint = UserId })
            .Adding(new RuleTerm<ActionKind>(ActionKind.SetField, "set owner to") { Field = PipedriveFieldKeys.Owner, TakesValue = true, ValueHint = UserId });
}
