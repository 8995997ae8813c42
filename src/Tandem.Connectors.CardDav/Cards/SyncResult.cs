using Tandem.Connectors.Contract;

namespace Tandem.Connectors.CardDav.Cards;

/// <summary>
/// The answer to a <c>sync-collection</c> report: changed cards with their etags (empty when the server left the
/// etag out), deleted ids, the new token, and whether the server truncated it.
/// </summary>
internal sealed record SyncResult(IReadOnlyList<RecordVersion> Changed, IReadOnlyList<string> DeletedIds, string Token, bool Truncated)
{
    public IEnumerable<string> ChangedIds => Changed.Select(c => c.Id);
}
