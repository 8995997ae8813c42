namespace Tandem.Connectors.InMemory.Internal;

/// <summary>One entry of an <see cref="OrderedLog"/>: a key (creation number or change sequence) and a record id.</summary>
internal readonly record struct LogEntry(long Key, string Id);
