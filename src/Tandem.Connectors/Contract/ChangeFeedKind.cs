namespace Tandem.Connectors.Contract;

/// <summary>How a connector tells what changed since the last sync.</summary>
public enum ChangeFeedKind
{
    /// <summary>
    /// An opaque cursor (sync token, <c>updated_since</c> timestamp, CardDAV sync-token):
    /// <see cref="IContactConnector.ReadChangesAsync"/> returns changed records (and tombstones, if the app reports them).
    /// </summary>
    Cursor,

    /// <summary>
    /// A cheap listing of every record's id and version (file stamps, etags):
    /// <see cref="IContactConnector.ListVersionsAsync"/>; the engine fetches the records whose version moved
    /// and infers deletions from the complete listing.
    /// </summary>
    VersionListing,

    /// <summary>
    /// None: a write-only app (a list-style target that only looks a contact up by its key, such as an identifier it
    /// was written with). It lists nothing and reports no change, so the engine never reads a feed from it and it is
    /// only ever the target of a one-way connection. Its records are the ones Tandem wrote.
    /// </summary>
    None,
}
