namespace Tandem.Domain.Configuration;

/// <summary>The options of a connection (PRODUCT.md §3 step 8 and §4).</summary>
public sealed record SyncOptions
{
    /// <summary>Contacts without an email are excluded instead of created (on by default).</summary>
    public bool AvoidDuplicates { get; init; } = true;

    /// <summary>A contact deleted on one side gets the tag <see cref="TrashTag"/> on the other.</summary>
    public bool SyncDeletions { get; init; }

    /// <summary>A contact unsubscribed on one side gets the tag <see cref="UnsubscribesTag"/> on the other.</summary>
    public bool SyncUnsubscribes { get; init; }

    /// <summary>An empty source value never blanks the target.</summary>
    public bool IgnoreEmptyValues { get; init; }

    /// <summary>
    /// Only for a one-way feed into a list-style target: a contact deleted at the source is deleted in
    /// the target. Off unless the user turns it on.
    /// </summary>
    public bool DeleteInTarget { get; init; }

    /// <summary>The deletion guard trips when a run would delete more than this share of a side's contacts…</summary>
    public double DeletionGuardRatio { get; init; } = 0.5;

    /// <summary>…and at least this many of them.</summary>
    public int DeletionGuardMinimum { get; init; } = 10;

    public const string TrashTag = "Tandem Trash";

    public const string UnsubscribesTag = "Tandem Unsubscribes";
}
