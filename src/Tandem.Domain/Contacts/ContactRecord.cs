using System.Collections.Immutable;
using Tandem.Domain.Fields;

namespace Tandem.Domain.Contacts;

/// <summary>
/// One contact as an app holds it: its id in that app, a version (etag, revision, file stamp — only
/// a hint: change is decided by content), canonical field values by field key, tags and status.
/// </summary>
public sealed record ContactRecord(string Id, ImmutableDictionary<string, FieldValue> Fields)
{
    /// <summary>The app's version stamp, passed back on conditional updates. Not content.</summary>
    public string? Version { get; init; }

    /// <summary>Tags (labels, groups, categories) in the app's tag container, by name.</summary>
    public ImmutableSortedSet<string> Tags { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>True when the contact unsubscribed from (or was cleaned out of) marketing in this app.</summary>
    public bool IsUnsubscribed { get; init; }

    /// <summary>
    /// True when the contact is in a marketing app but never subscribed (Mailchimp's "transactional"): the only
    /// existing contacts a Subscribe action may subscribe.
    /// </summary>
    public bool NeverSubscribed { get; init; }

    /// <summary>A reference Tandem gave the record when it created it (vCard UID, …), where the app keeps one.</summary>
    public string? ClientReference { get; init; }

    public FieldValue? Get(string key) => Fields.GetValueOrDefault(key);
}
