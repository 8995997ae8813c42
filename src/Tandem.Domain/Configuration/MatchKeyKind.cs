namespace Tandem.Domain.Configuration;

/// <summary>What two contacts may share to be taken for one person.</summary>
public enum MatchKeyKind
{
    /// <summary>Any email address of the contact (always on: the default and the first key unless the user orders otherwise).</summary>
    Email,

    /// <summary>Any phone number of the contact, in E.164.</summary>
    Phone,

    /// <summary>A custom field the user holds unique on both sides (a customer number), named per side.</summary>
    CustomField,
}
