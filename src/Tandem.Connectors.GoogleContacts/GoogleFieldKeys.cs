namespace Tandem.Connectors.GoogleContacts;

/// <summary>
/// Keys only Google Contacts has; its standard fields use <see cref="Tandem.Domain.Fields.StandardFieldKeys"/>
/// (given/family name, displayName — read-only —, emailAddresses, phoneNumbers, addresses, urls,
/// organizations[0].name/title, birthdays[0], biographies[0]).
/// </summary>
public static class GoogleFieldKeys
{
    /// <summary>The prefix of userDefined fields: <c>userDefined.&lt;key&gt;</c>.</summary>
    public const string UserDefinedPrefix = "userDefined.";

    /// <summary>The clientData key under which Tandem stores the reference it gave a contact it created.</summary>
    public const string ClientReferenceKey = "tandem.ref";
}
