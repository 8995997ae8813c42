namespace Tandem.Connectors.Catalog;

/// <summary>One collection an account offers (see <see cref="ICollectionDiscovery"/>).</summary>
/// <param name="Value">What the collection setting takes to pick it (a name, an id).</param>
/// <param name="DisplayName">The name users see, when the app has one.</param>
/// <param name="Details">What else is worth knowing to choose, as label and value ("cards", "3"), in order.</param>
/// <param name="ExtraSettings">Settings the account needs with this collection besides its value (a change feed the server supports).</param>
public sealed record DiscoveredCollection(
    string Value,
    string? DisplayName,
    IReadOnlyList<KeyValuePair<string, string>> Details,
    IReadOnlyDictionary<string, string> ExtraSettings);
