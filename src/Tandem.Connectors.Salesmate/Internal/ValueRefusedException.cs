namespace Tandem.Connectors.Salesmate.Internal;

/// <summary>A value Tandem cannot write to a Salesmate field (an owner that is not a user id): that write fails alone, in these words.</summary>
internal sealed class ValueRefusedException : Exception
{
    public ValueRefusedException(string message)
        : base(message)
    {
    }

    public ValueRefusedException()
    {
    }

    public ValueRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
