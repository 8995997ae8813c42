namespace Tandem.Connectors.CardDav.Discovery;

/// <summary>An address book the server offers.</summary>
/// <param name="Url">Its collection URL (ending in '/').</param>
/// <param name="Name">The last segment of its path, stable even when it is renamed.</param>
/// <param name="DisplayName">The name users see, when the server has one.</param>
/// <param name="SupportsSyncCollection">True when it lists the RFC 6578 <c>sync-collection</c> report.</param>
public sealed record AddressBookInfo(Uri Url, string Name, string? DisplayName, bool SupportsSyncCollection)
{
    /// <summary>True when a user's choice ("Work", "work", a path or a URL) names this book.</summary>
    public bool Matches(string choice)
    {
        var c = choice.Trim().TrimEnd('/');
        return string.Equals(c, Name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c, DisplayName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c, Url.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal)
            || string.Equals(c, Url.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal);
    }

    public override string ToString() => DisplayName is { Length: > 0 } d && d != Name ? $"'{Name}' ({d})" : $"'{Name}'";
}
