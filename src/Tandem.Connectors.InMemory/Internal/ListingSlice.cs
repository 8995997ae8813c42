using Tandem.Domain.Contacts;

namespace Tandem.Connectors.InMemory.Internal;

/// <summary>One page of records in creation order, the last creation number on it, and whether more follow.</summary>
internal sealed record ListingSlice(IReadOnlyList<ContactRecord> Records, long LastKey, bool HasMore);
