namespace Tandem.Connectors.Wooxy.Internal;

/// <summary>
/// A Wooxy contact's id in Tandem: the identifier Wooxy addresses it by (<c>contact/get</c>, an update's
/// <c>contact</c>, <c>contacts/remove</c>), prefixed with its kind: <c>email:</c>, else <c>phone:</c>, else <c>userId:</c>.
/// Wooxy's own contact id is not accepted by any of those calls, so it cannot be the record's id.
/// </summary>
internal readonly record struct ContactIds(string? Email, string? Phone, string? UserId)
{
    public bool IsEmpty => Email is null && Phone is null && UserId is null;

    /// <summary>The record id, or null when the contact has no identifier.</summary>
    public string? RecordId => Email is not null ? "email:" + Email : Phone is not null ? "phone:" + Phone : UserId is not null ? "userId:" + UserId : null;

    /// <summary>True when a result entry names this contact by any identifier.</summary>
    public bool Matches(ContactIds other) =>
        (Email is not null && string.Equals(Email, other.Email, StringComparison.OrdinalIgnoreCase))
        || (Phone is not null && Phone == other.Phone)
        || (UserId is not null && UserId == other.UserId);

    /// <summary>The kind of identifier in a record id, as <c>contact/get</c> names its property, and the identifier.</summary>
    public static (string Property, string Identifier)? Parse(string recordId)
    {
        var colon = recordId.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == recordId.Length - 1)
        {
            return null;
        }

        var property = recordId[..colon] switch
        {
            "email" => "email",
            "phone" => "phoneNumber",
            "userId" => "userId",
            _ => null,
        };
        return property is null ? null : (property, recordId[(colon + 1)..]);
    }

    public static ContactIds FromRecordId(string recordId) => Parse(recordId) switch
    {
        ("email", var id) => new(id, null, null),
        ("phoneNumber", var id) => new(null, id, null),
        ("userId", var id) => new(null, null, id),
        _ => default,
    };
}
