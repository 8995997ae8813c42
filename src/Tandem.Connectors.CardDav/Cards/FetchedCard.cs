namespace Tandem.Connectors.CardDav.Cards;

/// <summary>A card as fetched with GET: its id, text and etag (empty when the server sent none).</summary>
internal sealed record FetchedCard(string Id, string Text, string Etag);
