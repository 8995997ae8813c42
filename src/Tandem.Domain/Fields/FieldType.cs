namespace Tandem.Domain.Fields;

/// <summary>The value types a field can hold (PRODUCT.md §5).</summary>
public enum FieldType
{
    Text,
    Number,
    Boolean,
    /// <summary>A local calendar date, optionally without a year (birthdays). Never shifted by time zones.</summary>
    Date,
    DateTime,
    DateRange,
    Money,
    SingleChoice,
    MultipleChoice,
    Email,
    Phone,
    Url,
    Address,
    /// <summary>A reference to a user of the app (an owner), by the app's user id.</summary>
    OwnerReference,
    /// <summary>
    /// A contact's photo: inline bytes as a <c>data:</c> URI (compared by content; see <see cref="Photos"/>), or an
    /// http(s) link to one.
    /// </summary>
    Photo,

    /// <summary>
    /// A set of tag names held in the app's tag container (labels, contact groups, CATEGORIES), not in the record's
    /// fields: see <see cref="TagsField"/>. Merged per tag, never as one value.
    /// </summary>
    Tags,
}
