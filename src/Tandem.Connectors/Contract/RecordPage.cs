using Tandem.Domain.Contacts;

namespace Tandem.Connectors.Contract;

/// <summary>One page of a complete listing.</summary>
/// <param name="Records">The records on this page.</param>
/// <param name="CursorAfter">
/// On the last page only: the change-feed cursor from which later changes are read. It must cover
/// everything that changed after the listing began (take it before the first page), so nothing
/// written during the listing is lost.
/// </param>
public sealed record RecordPage(IReadOnlyList<ContactRecord> Records, string? CursorAfter = null);
