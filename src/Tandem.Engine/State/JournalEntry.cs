namespace Tandem.Engine.State;

/// <summary>A stored <see cref="JournalIntent"/> with its id.</summary>
public sealed record JournalEntry(long Id, JournalIntent Intent)
{
    /// <summary>For a create the app accepted but had not settled: the app's name for its request (<c>WriteResult.PendingReference</c>).</summary>
    public string? PendingReference { get; init; }

    /// <summary>When the intent was recorded (just before its call was sent), or null when unknown.</summary>
    public DateTimeOffset? RecordedAt { get; init; }
}
