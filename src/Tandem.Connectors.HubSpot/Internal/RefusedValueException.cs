namespace Tandem.Connectors.HubSpot.Internal;

/// <summary>A value HubSpot cannot hold: the contact's write is refused with this sentence, and nothing is sent for it.</summary>
internal sealed class RefusedValueException : Exception
{
    public RefusedValueException()
    {
    }

    public RefusedValueException(string message)
        : base(message)
    {
    }

    public RefusedValueException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
