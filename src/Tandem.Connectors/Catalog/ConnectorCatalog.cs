namespace Tandem.Connectors.Catalog;

/// <summary>The apps this Tandem can connect, by app key.</summary>
public sealed class ConnectorCatalog
{
    private readonly Dictionary<string, IConnectorFactory> factories;

    public ConnectorCatalog(IEnumerable<IConnectorFactory> factories)
    {
        this.factories = factories.ToDictionary(f => f.Descriptor.App, StringComparer.OrdinalIgnoreCase);
    }

    public IEnumerable<ConnectorDescriptor> Apps => factories.Values.Select(f => f.Descriptor).OrderBy(d => d.DisplayName, StringComparer.Ordinal);

    public IConnectorFactory Get(string app) =>
        factories.TryGetValue(app, out var factory)
            ? factory
            : throw new KeyNotFoundException($"Unknown app '{app}'. Known apps: {string.Join(", ", factories.Keys.Order(StringComparer.Ordinal))}.");
}
