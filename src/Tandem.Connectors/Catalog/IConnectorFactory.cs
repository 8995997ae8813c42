using Tandem.Connectors.Contract;

namespace Tandem.Connectors.Catalog;

/// <summary>Creates connectors for one app.</summary>
public interface IConnectorFactory
{
    ConnectorDescriptor Descriptor { get; }

    /// <summary>A connector for the account with these settings; throws <see cref="ConnectorSettingsException"/> for bad settings.</summary>
    IContactConnector Create(AccountSettings settings, ConnectorContext context);
}
