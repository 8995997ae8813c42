namespace Tandem.Connectors.Workbooks.Internal;

/// <summary>A value Workbooks cannot hold (a birthday without a year in a date field); the write fails with this sentence.</summary>
internal sealed class ValueRefusedException : Exception
{
    public ValueRefusedException()
    {
    }

    public ValueRefusedException(string message)
        : base(message)
    {
    }

    public ValueRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
