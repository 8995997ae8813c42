using Tandem.Connectors.Contract;
using Tandem.Connectors.Vocabulary;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.Salesmate;

/// <summary>
/// Salesmate's filters and actions as the seed lists them: has/does not have tag, gets deleted, owned/not owned by,
/// field values (custom fields included), already existing in the other app; tagging, updating ownership and field values.
/// </summary>
internal static class SalesmateVocabulary
{
    private const string UserId = "user id";

    public static RuleVocabulary For(ConnectorCapabilities capabilities) =>
        RuleVocabulary.Standard(capabilities)
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldEquals, "is owned by") { Field = SalesmateFieldKeys.Owner, TakesValue = true, ValueHint = UserId })
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldNotEquals, "is not owned by") { Field = SalesmateFieldKeys.Owner, TakesValue = true, ValueHint = UserId })
            .Adding(new RuleTerm<ActionKind>(ActionKind.SetField, "set owner to") { Field = SalesmateFieldKeys.Owner, TakesValue = true, ValueHint = UserId });
}
