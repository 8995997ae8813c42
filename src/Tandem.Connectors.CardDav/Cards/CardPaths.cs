namespace Tandem.Connectors.CardDav.Cards;

/// <summary>
/// Record ids are the cards' resource names inside the address book ("ann.vcf"), unescaped; this maps
/// them to and from hrefs. Hrefs outside the book (or in sub-collections) have no id.
/// </summary>
internal sealed class CardPaths
{
    private readonly Uri book;
    private readonly string bookPath;

    public CardPaths(Uri book)
    {
        this.book = book;
        bookPath = Uri.UnescapeDataString(book.AbsolutePath);
    }

    public string? IdOf(string href)
    {
        if (!Uri.TryCreate(book, href, out var uri)
            || Uri.Compare(uri, book, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return null;
        }

        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        if (!path.StartsWith(bookPath, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = path[bookPath.Length..];
        return rest.Length == 0 || rest.Contains('/', StringComparison.Ordinal) ? null : rest;
    }

    /// <summary>The URL of a card, or null when the id cannot name a card of this book.</summary>
    public Uri? UriOf(string id) =>
        id.Length == 0 || id.Contains('/', StringComparison.Ordinal) || id is "." or ".." ? null : new Uri(book, Uri.EscapeDataString(id));

    public string? HrefOf(string id) => UriOf(id)?.AbsolutePath;
}
