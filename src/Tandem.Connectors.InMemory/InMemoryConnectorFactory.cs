using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.InMemory;

/// <summary>
/// The "in-memory" app of the catalogue: an account is a named <see cref="InMemoryApp"/> of a
/// registry (setting "app"). Used by the CLI demo and by tests that go through the catalogue.
/// </summary>
public sealed class InMemoryConnectorFactory : IConnectorFactory
{
    /// <summary>The app key in the catalogue.</summary>
    public const string AppKey = "in-memory";

    /// <summary>The setting naming the in-memory app to open.</summary>
    public const string AppSetting = InMemorySettings.AppKey;

    private readonly InMemoryAppRegistry registry;

    /// <summary>A factory over <see cref="InMemoryAppRegistry.Shared"/>.</summary>
    public InMemoryConnectorFactory()
        : this(InMemoryAppRegistry.Shared)
    {
    }

    public InMemoryConnectorFactory(InMemoryAppRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        this.registry = registry;
    }

    public ConnectorDescriptor Descriptor { get; } = new(AppKey, "In-memory app")
    {
        Settings = SettingsForm.Fields<InMemorySettings>(),

        // Each named app has its own capabilities; the catalogue shows the CRM preset they start from.
        Capabilities = InMemoryCapabilities.Crm,
    };

    public InMemoryAppRegistry Registry => registry;

    public IContactConnector Create(AccountSettings settings, ConnectorContext context)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var valid = SettingsForm.Parse<InMemorySettings>(settings);
        var app = registry.Find(valid.App)
            ?? throw new ConnectorSettingsException($"The setting {SettingsForm.Labels<InMemorySettings>()[nameof(InMemorySettings.App)]} names no registered in-memory app.");
        return app.Connect();
    }
}
