using Tandem.Connectors.Contract;
using Tandem.Connectors.Vocabulary;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.Woodpecker;

/// <summary>
/// Woodpecker's filters and actions in its own words: an unsubscribed prospect is blacklisted, and the other global
/// statuses (replied, bounced, invalid) read as filters on the status.
/// </summary>
internal static class WoodpeckerVocabulary
{
    public static RuleVocabulary For(ConnectorCapabilities capabilities) =>
        RuleVocabulary.Standard(capabilities)
            .Saying(FilterKind.IsUnsubscribed, "is blacklisted")
            .Saying(FilterKind.IsSubscribed, "is not blacklisted")
            .Saying(ActionKind.Unsubscribe, "blacklist")
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldEquals, "has replied") { Field = WoodpeckerFieldKeys.Status, Value = "REPLIED" })
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldEquals, "bounced") { Field = WoodpeckerFieldKeys.Status, Value = "BOUNCED" })
            .Adding(new RuleTerm<FilterKind>(FilterKind.FieldEquals, "is invalid") { Field = WoodpeckerFieldKeys.Status, Value = "INVALID" });
}
