namespace Tandem.Domain.Fields;

/// <summary>
/// Well-known meanings of standard fields. Default field mappings between two apps pair fields by
/// role, and the name join/split mapping looks for the name roles.
/// </summary>
public enum FieldRole
{
    None,
    FirstName,
    LastName,
    FullName,
    Emails,
    Phones,
    Addresses,
    Urls,
    Company,
    JobTitle,
    Birthday,
    Notes,
    Owner,
    Nickname,
    Photo,
    Anniversary,
    Department,
    Gender,
    Pronouns,
    RelatedPeople,
    InstantMessaging,
    SocialProfiles,
    /// <summary>The app's free-form properties (vCard <c>X-</c> properties, Google's user-defined fields), labelled by name.</summary>
    CustomProperties,

    /// <summary>The tags of a CRM or marketing tool (labels, tags, lists): offered for mapping, off by default.</summary>
    Tags,

    /// <summary>The categories an address book files contacts under (vCard CATEGORIES, Google contact groups): synced by default between address books.</summary>
    Categories,
}
