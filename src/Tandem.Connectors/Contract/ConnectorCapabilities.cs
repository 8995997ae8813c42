using Tandem.Domain.Configuration;

namespace Tandem.Connectors.Contract;

/// <summary>What a connector (an app) can do; the wizard and the engine both read it.</summary>
public sealed record ConnectorCapabilities
{
    public ChangeFeedKind ChangeFeed { get; init; } = ChangeFeedKind.Cursor;

    /// <summary>The app reports deletions (tombstones in its feed, or complete version listings).</summary>
    public bool DetectsDeletions { get; init; }

    /// <summary>The app reports contacts that unsubscribed from marketing.</summary>
    public bool DetectsUnsubscribes { get; init; }

    /// <summary>Tandem may mark a contact unsubscribed in this app (never the reverse).</summary>
    public bool CanUnsubscribe { get; init; }

    /// <summary>Tandem may subscribe new and never-subscribed contacts in this app (never re-subscribe anyone).</summary>
    public bool CanSubscribe { get; init; }

    /// <summary>Where tags live in this app ("labels", "contact groups", "CATEGORIES"), or null when it has none.</summary>
    public string? TagContainer { get; init; }

    /// <summary>Records per read call (listing page, batch get).</summary>
    public int ReadBatchSize { get; init; } = 100;

    /// <summary>Operations per write call; 1 when the app has no batch writes.</summary>
    public int WriteBatchSize { get; init; } = 1;

    /// <summary>The app's published rate limit, for information and pacing (null when none is published).</summary>
    public RateLimit? RateLimit { get; init; }

    /// <summary>The filter kinds the app's vocabulary offers (besides <see cref="FilterKind.ExistsInOtherApp"/>, which every side has).</summary>
    public IReadOnlyList<FilterKind> Filters { get; init; } = [];

    public IReadOnlyList<ActionKind> Actions { get; init; } = [];

    /// <summary>The app can push changes to Tandem (webhooks).</summary>
    public bool HasWebhooks { get; init; }

    /// <summary>The app is a list-style target where deleting a contact is allowed (only if the user turns it on).</summary>
    public bool CanDelete { get; init; }

    /// <summary>True when nothing may ever be written to this app.</summary>
    public bool IsReadOnly { get; init; }

    /// <summary>True when nothing can be read from this app (<see cref="ChangeFeedKind.None"/>): it is only a target.</summary>
    public bool IsWriteOnly => ChangeFeed == ChangeFeedKind.None;

    /// <summary>
    /// How long a created contact may take to appear in the app's listings and searches (Google: "writes may have a
    /// propagation delay of several minutes for sync requests"). A create whose answer was lost and that is not found yet
    /// is not planned again before this long after it was sent, so a contact that exists is never created twice. Zero
    /// when the app lists what it created at once.
    /// </summary>
    public TimeSpan CreatesListedWithin { get; init; }

    /// <summary>
    /// Fields of which a contact must hold at least one to be written to this app (an identifier the app looks contacts
    /// up by); empty when the app needs none. A contact without any is excluded with that reason instead of refused.
    /// </summary>
    public IReadOnlyList<string> RequiredIdentifiers { get; init; } = [];
}
