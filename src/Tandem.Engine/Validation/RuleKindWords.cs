using Tandem.Domain.Configuration;

namespace Tandem.Engine.Validation;

/// <summary>
/// Conditions and actions in plain words, with each app's own word for its tags ("has label", "is in contact
/// group"), so a refusal never shows an enum's name.
/// </summary>
/// <param name="own">The side whose contacts the conditions test.</param>
/// <param name="other">The side the actions run in.</param>
internal sealed class RuleKindWords(ConnectionSide own, ConnectionSide other)
{
    private const string ContactGroup = "contact group";

    public string Filter(FilterKind kind)
    {
        var tag = Singular(own.Capabilities.TagContainer);
        return kind switch
        {
            FilterKind.FieldEquals => "a field is",
            FilterKind.FieldNotEquals => "a field is not",
            FilterKind.FieldContains => "a field contains",
            FilterKind.FieldIsEmpty => "a field is empty",
            FilterKind.FieldIsNotEmpty => "a field is not empty",
            FilterKind.HasTag => tag == ContactGroup ? "is in contact group" : $"has {tag}",
            FilterKind.HasNotTag => tag == ContactGroup ? "is not in contact group" : $"does not have {tag}",
            FilterKind.ExistsInOtherApp => $"already exists in {other.AppName}",
            FilterKind.IsSubscribed => "is subscribed",
            FilterKind.IsUnsubscribed => "is unsubscribed",
            FilterKind.GetsDeleted => "gets deleted",
            _ => "an unknown condition",
        };
    }

    public string Action(ActionKind kind)
    {
        var tag = Singular(other.Capabilities.TagContainer);
        return kind switch
        {
            ActionKind.AddTag => tag == ContactGroup ? "add to contact group" : $"add {tag}",
            ActionKind.SetField => "set a field",
            ActionKind.Unsubscribe => "unsubscribe",
            ActionKind.Subscribe => "subscribe",
            _ => "an unknown action",
        };
    }

    private static string Singular(string? container) => container?.ToLowerInvariant() switch
    {
        null => "tag",
        var c when c.EndsWith("ies", StringComparison.Ordinal) => c[..^3] + "y",
        var c when c.EndsWith('s') => c[..^1],
        var c => c,
    };
}
