using Tandem.Connectors.Contract;
using Tandem.Connectors.Vocabulary;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.GoogleContacts;

/// <summary>Google Contacts' filters and actions in its own words: a contact is in a contact group, rather than having one.</summary>
internal static class GoogleContactsVocabulary
{
    public static RuleVocabulary For(ConnectorCapabilities capabilities) =>
        RuleVocabulary.Standard(capabilities)
            .Saying(FilterKind.HasTag, "is in contact group")
            .Saying(FilterKind.HasNotTag, "is not in contact group")
            .Saying(ActionKind.AddTag, "add to contact group");
}
