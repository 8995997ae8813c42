using Tandem.Domain.Configuration;
using Tandem.Web.Services.Catalog;

namespace Tandem.Web.Components.Pages.Wizard;

/// <summary>Filters and actions in the words of each app ("has label", "is in contact group").</summary>
public static class RuleWords
{
    public static bool NeedsField(FilterKind kind) =>
        kind is FilterKind.FieldEquals or FilterKind.FieldNotEquals or FilterKind.FieldContains or FilterKind.FieldIsEmpty or FilterKind.FieldIsNotEmpty;

    public static bool NeedsValue(FilterKind kind) =>
        kind is FilterKind.FieldEquals or FilterKind.FieldNotEquals or FilterKind.FieldContains or FilterKind.HasTag or FilterKind.HasNotTag;

    public static bool IsTag(FilterKind kind) => kind is FilterKind.HasTag or FilterKind.HasNotTag;

    /// <summary>Whether an action takes a value (a tag, a field's value); subscribing and unsubscribing take none.</summary>
    public static bool NeedsValue(ActionKind kind) => kind is ActionKind.AddTag or ActionKind.SetField;

    public static string Filter(FilterKind kind, AppView source, AppView other)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(other);
        var tag = Singular(source.Capabilities.TagContainer);
        return kind switch
        {
            FilterKind.FieldEquals => "a field is",
            FilterKind.FieldNotEquals => "a field is not",
            FilterKind.FieldContains => "a field contains",
            FilterKind.FieldIsEmpty => "a field is empty",
            FilterKind.FieldIsNotEmpty => "a field is not empty",
            FilterKind.HasTag => tag == "contact group" ? "is in contact group" : $"has {tag}",
            FilterKind.HasNotTag => tag == "contact group" ? "is not in contact group" : $"does not have {tag}",
            FilterKind.ExistsInOtherApp => $"already exists in {other.DisplayName} (update only, never create)",
            FilterKind.IsSubscribed => "is subscribed",
            FilterKind.IsUnsubscribed => "is unsubscribed",
            FilterKind.GetsDeleted => $"gets deleted (the actions then run on the contact in {other.DisplayName}; never creates or updates)",
            _ => kind.ToString(),
        };
    }

    public static string Action(ActionKind kind, AppView target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var tag = Singular(target.Capabilities.TagContainer);
        return kind switch
        {
            ActionKind.AddTag => tag == "contact group" ? "add to contact group" : $"add {tag}",
            ActionKind.SetField => "set a field to",
            ActionKind.Unsubscribe => "unsubscribe",
            ActionKind.Subscribe => "subscribe (only new contacts and those who never subscribed)",
            _ => kind.ToString(),
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
