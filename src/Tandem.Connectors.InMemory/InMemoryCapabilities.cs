using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.InMemory;

/// <summary>Capabilities that make an in-memory app behave like a kind of real app; adjust them with <c>with</c>.</summary>
public static class InMemoryCapabilities
{
    // Every filter an app can offer ("gets deleted" included): "already exists in the other app" is the engine's, not an app's.
    private static readonly FilterKind[] AllFilters = Enum.GetValues<FilterKind>().Where(f => f != FilterKind.ExistsInOtherApp).ToArray();

    /// <summary>
    /// A CRM (Pipedrive-like): a cursor change feed with tombstones, unsubscribes both ways, tags,
    /// pages of 100, write batches of 10; every filter ("gets deleted" too) and every action but subscribe.
    /// </summary>
    public static ConnectorCapabilities Crm { get; } = new()
    {
        ChangeFeed = ChangeFeedKind.Cursor,
        DetectsDeletions = true,
        DetectsUnsubscribes = true,
        CanUnsubscribe = true,
        TagContainer = "tags",
        ReadBatchSize = 100,
        WriteBatchSize = 10,
        Filters = AllFilters,
        Actions = [ActionKind.AddTag, ActionKind.SetField, ActionKind.Unsubscribe],
    };

    /// <summary>An address book (CardDAV-like): version listings, deletions inferred from them ("gets deleted" offered), groups, one write per call, no unsubscribes.</summary>
    public static ConnectorCapabilities AddressBook { get; } = new()
    {
        ChangeFeed = ChangeFeedKind.VersionListing,
        DetectsDeletions = true,
        TagContainer = "groups",
        ReadBatchSize = 50,
        WriteBatchSize = 1,
        Filters = AllFilters.Where(f => f is not (FilterKind.IsSubscribed or FilterKind.IsUnsubscribed)).ToArray(),
        Actions = [ActionKind.AddTag, ActionKind.SetField],
    };

    /// <summary>
    /// An email-marketing tool (Mailchimp-like): a cursor feed without tombstones, unsubscribes, subscribes (a contact
    /// Tandem adds without a Subscribe action is a transactional one: it never subscribed), tags, batches of 500.
    /// </summary>
    public static ConnectorCapabilities Marketing { get; } = new()
    {
        ChangeFeed = ChangeFeedKind.Cursor,
        DetectsUnsubscribes = true,
        CanUnsubscribe = true,
        CanSubscribe = true,
        TagContainer = "tags",
        ReadBatchSize = 500,
        WriteBatchSize = 500,
        Filters = [FilterKind.FieldEquals, FilterKind.HasTag, FilterKind.HasNotTag, FilterKind.IsSubscribed, FilterKind.IsUnsubscribed],
        Actions = [ActionKind.AddTag, ActionKind.Unsubscribe, ActionKind.Subscribe],
    };

    /// <summary>A list-style target of a one-way feed (Wooxy-like): no tags, deletions allowed.</summary>
    public static ConnectorCapabilities ListTarget { get; } = new()
    {
        ChangeFeed = ChangeFeedKind.Cursor,
        DetectsDeletions = true,
        CanDelete = true,
        ReadBatchSize = 100,
        WriteBatchSize = 100,
    };

    /// <summary>A CRM that may be read but never written.</summary>
    public static ConnectorCapabilities ReadOnlyCrm { get; } = Crm with { IsReadOnly = true };
}
