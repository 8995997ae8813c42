namespace Tandem.Engine.State;

/// <summary>A stored <see cref="JournalIntent"/> with its id.</summary>
public sealed record JournalEntry(long Id, JournalIntent Intent);
