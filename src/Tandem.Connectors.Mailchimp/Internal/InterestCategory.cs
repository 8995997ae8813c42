using Tandem.Domain.Fields;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>
/// One interest category ("group title") and its interests ("group names"), as the choice field
/// <c>group.&lt;categoryId&gt;</c> whose options are the interests (id and name). Checkboxes and hidden categories hold
/// any number of interests (multiple choice); radio buttons and dropdowns hold one (single choice).
/// </summary>
internal sealed record InterestCategory(string Id, string Title, string DisplayType, IReadOnlyList<ChoiceOption> Interests)
{
    public string Key => MailchimpFieldKeys.GroupPrefix + Id;

    public FieldType Type => DisplayType is "radio" or "dropdown" ? FieldType.SingleChoice : FieldType.MultipleChoice;
}
