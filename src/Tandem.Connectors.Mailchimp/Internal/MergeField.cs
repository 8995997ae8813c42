using Tandem.Domain.Fields;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>One merge field of the audience: its tag, Mailchimp type, options, and the field key Tandem gives it.</summary>
internal sealed record MergeField(string Tag, string Name, string MailchimpType, bool Required, IReadOnlyList<string> Choices, string? PhoneFormat)
{
    /// <summary>The field key: a standard key for the well-known fields (FNAME → name.first), else <c>merge.&lt;TAG&gt;</c>.</summary>
    public required string Key { get; init; }

    public FieldRole Role { get; init; }

    public FieldType Type => MailchimpType switch
    {
        "number" => FieldType.Number,
        "address" => FieldType.Address,
        "phone" => FieldType.Phone,
        "date" or "birthday" => FieldType.Date,
        "url" or "imageurl" => FieldType.Url,
        "radio" or "dropdown" => FieldType.SingleChoice,
        _ => FieldType.Text,
    };
}
