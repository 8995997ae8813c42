namespace Tandem.Domain.Configuration;

/// <summary>
/// The kinds of IF conditions. App-specific filters are expressed with these: "owned by" is
/// <see cref="FieldEquals"/> on the owner field, "in contact group" is <see cref="HasTag"/>,
/// "has no deals" is <see cref="FieldEquals"/> on a read-only deal count.
/// </summary>
public enum FilterKind
{
    FieldEquals,
    FieldNotEquals,
    FieldContains,
    FieldIsEmpty,
    FieldIsNotEmpty,
    HasTag,
    HasNotTag,
    /// <summary>"Already existing in the app you sync with": the contact has a counterpart (update only, never create).</summary>
    ExistsInOtherApp,
    IsSubscribed,
    IsUnsubscribed,
    /// <summary>
    /// "Gets deleted": matches only when the contact is deleted in this app; the rule's actions then run on its
    /// counterpart in the other app. Never matches a live contact, so such a rule never creates or updates.
    /// Takes no field or value; the rule's other filters are tested against the contact as last seen before
    /// it was deleted, and <see cref="ExistsInOtherApp"/> is implied (allowed, never needed).
    /// </summary>
    GetsDeleted,
}
