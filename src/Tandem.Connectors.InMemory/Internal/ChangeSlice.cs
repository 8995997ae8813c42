using Tandem.Domain.Contacts;

namespace Tandem.Connectors.InMemory.Internal;

/// <summary>One page of the change log: changed records, tombstones, the last sequence on it, and whether more follow.</summary>
internal sealed record ChangeSlice(IReadOnlyList<ContactRecord> Changed, IReadOnlyList<string> DeletedIds, long LastKey, bool HasMore);
