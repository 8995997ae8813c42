namespace Tandem.Connectors.GoogleContacts;

/// <summary>The field keys of a Google contact (the standard keys every connector shares, plus userDefined fields).</summary>
public static class GoogleFieldKeys
{
    /// <summary>names[0].givenName.</summary>
    public const string FirstName = "name.first";

    /// <summary>names[0].familyName.</summary>
    public const string LastName = "name.last";

    /// <summary>names[0].displayName, computed by Google: read-only.</summary>
    public const string FullName = "name.full";

    /// <summary>emailAddresses[], labelled by type.</summary>
    public const string Emails = "emails";

    /// <summary>phoneNumbers[], labelled by type.</summary>
    public const string Phones = "phones";

    /// <summary>addresses[], labelled by type.</summary>
    public const string Addresses = "addresses";

    /// <summary>urls[], labelled by type.</summary>
    public const string Urls = "urls";

    /// <summary>organizations[0].name.</summary>
    public const string Org = "org";

    /// <summary>organizations[0].title.</summary>
    public const string Title = "title";

    /// <summary>birthdays[0].date, with or without a year.</summary>
    public const string Birthday = "birthday";

    /// <summary>biographies[0].value.</summary>
    public const string Note = "note";

    /// <summary>The prefix of userDefined fields: <c>userDefined.&lt;key&gt;</c>.</summary>
    public const string UserDefinedPrefix = "userDefined.";

    /// <summary>The clientData key under which Tandem stores the reference it gave a contact it created.</summary>
    public const string ClientReferenceKey = "tandem.ref";
}
