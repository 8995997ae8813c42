namespace Tandem.Domain.Fields;

/// <summary>
/// The keys connectors give the standard contact fields they share (each connector's README says which
/// property of its app is behind each key). The same key on two apps means the same thing, so default
/// mappings and tests read alike across connectors; custom fields keep the app's own keys.
/// </summary>
public static class StandardFieldKeys
{
    public const string FirstName = "name.first";

    public const string LastName = "name.last";

    public const string FullName = "name.full";

    /// <summary>Every email, labelled.</summary>
    public const string Emails = "emails";

    /// <summary>Every phone, labelled.</summary>
    public const string Phones = "phones";

    /// <summary>Every postal address, labelled.</summary>
    public const string Addresses = "addresses";

    /// <summary>Every web address, labelled.</summary>
    public const string Urls = "urls";

    /// <summary>The organisation's name.</summary>
    public const string Org = "org";

    /// <summary>The job title.</summary>
    public const string Title = "title";

    /// <summary>The birthday, with or without a year.</summary>
    public const string Birthday = "birthday";

    public const string Note = "note";
}
