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
}
