namespace Tandem.Connectors.CardDav.Cards;

/// <summary>The answer to a <c>sync-collection</c> report: changed card ids, deleted ids, the new token, and whether the server truncated it.</summary>
internal sealed record SyncResult(IReadOnlyList<string> ChangedIds, IReadOnlyList<string> DeletedIds, string Token, bool Truncated);
