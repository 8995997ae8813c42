namespace Tandem.Connectors.Catalog;

/// <summary>
/// An app whose account holds several collections (address books, audiences, databases), of which a connection syncs
/// one: its factory lists them for an account's settings, so a host can show them and write the setting that picks one
/// (<c>tandem discover</c>). Hosts test a factory for it; apps without collections do not implement it.
/// </summary>
public interface ICollectionDiscovery
{
    /// <summary>What a collection is called in this app, singular ("address book").</summary>
    string CollectionNoun { get; }

    /// <summary>The setting whose value picks a collection (<see cref="DiscoveredCollection.Value"/>).</summary>
    string CollectionSetting { get; }

    /// <summary>The setting a server address given on its own goes to (a CardDAV URL), or null when the app has none.</summary>
    string? AddressSetting { get; }

    /// <summary>The setting a user name goes to, or null.</summary>
    string? UserSetting { get; }

    /// <summary>The secret setting a password or key goes to, or null.</summary>
    string? SecretSetting { get; }

    /// <summary>
    /// The collections the account offers, in the app's order. Throws <see cref="Contract.ConnectorException"/> when the app
    /// cannot be reached or refuses the credentials, <see cref="ConnectorSettingsException"/> for bad settings.
    /// </summary>
    Task<IReadOnlyList<DiscoveredCollection>> DiscoverAsync(AccountSettings settings, ConnectorContext context, CancellationToken cancellationToken);
}
