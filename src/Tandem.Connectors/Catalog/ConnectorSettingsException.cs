using Tandem.Connectors.Contract;

namespace Tandem.Connectors.Catalog;

/// <summary>An account's settings are missing or invalid; the message names the setting, never its value.</summary>
public sealed class ConnectorSettingsException : ConnectorException
{
    public ConnectorSettingsException()
    {
    }

    public ConnectorSettingsException(string message)
        : base(message)
    {
    }

    public ConnectorSettingsException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
