namespace Tandem.Connectors.Contract;

/// <summary>
/// A call to the app failed as a whole (authorisation refused, app unreachable after retries, a
/// malformed response). The message is safe to show: it never contains secrets or contact data.
/// </summary>
public class ConnectorException : Exception
{
    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>True when the failure is about credentials (the connection needs attention).</summary>
    public bool IsAuthorizationFailure { get; init; }
}
