namespace Tandem.Connectors.Contract;

/// <summary>
/// Thrown by <see cref="IContactConnector.FindCreatedAsync"/> when the app has not settled the create yet (its
/// asynchronous request is still being processed): the outcome stays unknown, the engine neither adopts nor abandons
/// it and asks again on the next run. Never a reason to send the create again.
/// </summary>
public sealed class WritePendingException : Exception
{
    public WritePendingException()
        : base("The app has not settled this write yet.")
    {
    }

    public WritePendingException(string message)
        : base(message)
    {
    }

    public WritePendingException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
