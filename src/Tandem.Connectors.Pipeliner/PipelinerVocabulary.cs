using Tandem.Connectors.Contract;
using Tandem.Connectors.Vocabulary;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.Pipeliner;

/// <summary>
/// Pipeliner's filters and actions in its own words (the seed's lists): in/not in sales unit, owned/not owned by, set
/// sales unit/owner to, besides any field's value and tags.
/// </summary>
internal static class PipelinerVocabulary
{
    private const string UserId = "user id";
    private const string UnitName = "sales unit name";

    public static RuleVocabulary For(ConnectorCapabilities capabilities) =>
        RuleVocabulary.Standard(capabilities)
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldEquals, "is in sales unit") { Field = PipelinerFieldKeys.SalesUnit, TakesValue = true, ValueHint = UnitName })
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldEquals, "is owned by") { Field = PipelinerFieldKeys.Owner, TakesValue = true, ValueHint = UserId })
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldNotEquals, "is not in sales unit") { Field = PipelinerFieldKeys.SalesUnit, TakesValue = true, ValueHint = UnitName })
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldNotEquals, "is not owned by") { Field = PipelinerFieldKeys.Owner, TakesValue = true, ValueHint = UserId })
            .Adding(new RuleTerm<ActionKind>(ActionKind.SetField, "set sales unit to") { Field = PipelinerFieldKeys.SalesUnit, TakesValue = true, ValueHint = UnitName })
            .Adding(new RuleTerm<ActionKind>(ActionKind.SetField, "set owner to") { Field = PipelinerFieldKeys.Owner, TakesValue = true, ValueHint = UserId });
}
