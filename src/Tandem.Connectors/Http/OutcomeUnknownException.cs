using Tandem.Connectors.Contract;

namespace Tandem.Connectors.Http;

/// <summary>
/// A request that is not safe to repeat got no answer (a timeout, a dropped connection, a 5xx): it may or
/// may not have taken effect. Connectors report the writes it carried as <see cref="WriteFailureKind.Unknown"/>.
/// </summary>
public sealed class OutcomeUnknownException : ConnectorException
{
    public OutcomeUnknownException()
        : base("The app gave no answer; the request may or may not have taken effect.")
    {
    }

    public OutcomeUnknownException(string message)
        : base(message)
    {
    }

    public OutcomeUnknownException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
