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

    public const string Nickname = "nickname";

    /// <summary>The contact's photo (<see cref="FieldType.Photo"/>).</summary>
    public const string Photo = "photo";

    /// <summary>The wedding anniversary, with or without a year.</summary>
    public const string Anniversary = "anniversary";

    /// <summary>The department within the organisation.</summary>
    public const string Department = "org.department";

    /// <summary>The gender in words ("female", "male", "other", or the contact's own word).</summary>
    public const string Gender = "gender";

    public const string Pronouns = "pronouns";

    /// <summary>Related people by name, labelled with the relation ("spouse", "child", …).</summary>
    public const string RelatedPeople = "related";

    /// <summary>Instant-messaging addresses as URIs (<c>xmpp:ann@example.com</c>), labelled with the service.</summary>
    public const string InstantMessaging = "im";

    /// <summary>Social profiles as links, labelled with the network ("twitter", "linkedin", …).</summary>
    public const string SocialProfiles = "social";

    /// <summary>Free-form properties, labelled by their name (vCard <c>X-</c> properties, Google's user-defined fields).</summary>
    public const string CustomProperties = "custom";
}
