using Tandem.Domain.Configuration;

namespace Tandem.Connectors.Contract;

/// <summary>The filter sets connectors offer, named by what the app's contacts hold.</summary>
public static class StandardFilters
{
    /// <summary>Conditions on any field and on tags: every app whose contacts have fields and tags (or labels, groups).</summary>
    public static IReadOnlyList<FilterKind> FieldsAndTags { get; } =
    [
        FilterKind.FieldEquals,
        FilterKind.FieldNotEquals,
        FilterKind.FieldContains,
        FilterKind.FieldIsEmpty,
        FilterKind.FieldIsNotEmpty,
        FilterKind.HasTag,
        FilterKind.HasNotTag,
    ];

    /// <summary><see cref="FieldsAndTags"/> and the subscription status: apps that know who unsubscribed.</summary>
    public static IReadOnlyList<FilterKind> FieldsTagsAndSubscription { get; } = [.. FieldsAndTags, FilterKind.IsSubscribed, FilterKind.IsUnsubscribed];
}
