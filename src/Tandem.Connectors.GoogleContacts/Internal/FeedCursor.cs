namespace Tandem.Connectors.GoogleContacts.Internal;

/// <summary>
/// The change-feed cursor: a sync token, or within one read a sync token and the page token of the next page
/// (Google wants the first call's parameters repeated with every page, the sync token among them).
/// </summary>
internal readonly record struct FeedCursor(string SyncToken, string? PageToken)
{
    private const char Separator = ' ';

    public static FeedCursor Parse(string cursor)
    {
        var space = cursor.IndexOf(Separator, StringComparison.Ordinal);
        return space < 0 ? new FeedCursor(cursor, null) : new FeedCursor(cursor[..space], cursor[(space + 1)..]);
    }

    public override string ToString() => PageToken is null ? SyncToken : SyncToken + Separator + PageToken;
}
