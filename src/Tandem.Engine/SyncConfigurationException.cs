namespace Tandem.Engine;

/// <summary>The connection's configuration cannot run against the apps as they are (a mapping names a field that no longer exists…).</summary>
public sealed class SyncConfigurationException : Exception
{
    public SyncConfigurationException()
    {
    }

    public SyncConfigurationException(string message)
        : base(message)
    {
    }

    public SyncConfigurationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
