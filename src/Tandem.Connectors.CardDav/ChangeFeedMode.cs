namespace Tandem.Connectors.CardDav;

/// <summary>How the connector finds changes; an account setting, because the engine reads capabilities before any request.</summary>
public enum ChangeFeedMode
{
    /// <summary>RFC 6578 <c>sync-collection</c> with sync tokens (the default; Radicale, Xandikos, iCloud, Nextcloud, Fastmail).</summary>
    SyncToken,

    /// <summary>A PROPFIND listing of every card's etag, for servers without <c>sync-collection</c>.</summary>
    EtagListing,
}
