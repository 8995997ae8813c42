using Tandem.Connectors.Contract;

namespace Tandem.Connectors.Http;

/// <summary>
/// An app answered a request with an error status and its error envelope. Each connector reads its vendor's envelope
/// into one of these (or a subclass); <see cref="WriteFailures"/> maps it to a write's result the same way for all.
/// </summary>
public class ApiErrorException : ConnectorException
{
    public ApiErrorException()
        : this(0, string.Empty, string.Empty)
    {
    }

    public ApiErrorException(string message)
        : base(message)
    {
        AppReason = string.Empty;
    }

    public ApiErrorException(string message, Exception inner)
        : base(message, inner)
    {
        AppReason = string.Empty;
    }

    /// <param name="status">The HTTP status.</param>
    /// <param name="message">Tandem's sentence naming the app and the status.</param>
    /// <param name="appReason">The app's own reason, about the request and never contact data; empty when it gave none.</param>
    public ApiErrorException(int status, string message, string appReason)
        : base(message)
    {
        Status = status;
        AppReason = appReason;
        IsAuthorizationFailure = status is 401 or 403;
    }

    public int Status { get; }

    /// <summary>The app's own reason (shown as a write's failure reason).</summary>
    public string AppReason { get; }

    /// <summary>True when the record changed since it was read (a failed precondition).</summary>
    public virtual bool IsStaleVersion => Status is 409 or 412;
}
