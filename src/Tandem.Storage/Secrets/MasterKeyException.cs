namespace Tandem.Storage.Secrets;

/// <summary>The master key is missing or malformed. The message names where it was read from, never its value.</summary>
public sealed class MasterKeyException : Exception
{
    public MasterKeyException()
    {
    }

    public MasterKeyException(string message)
        : base(message)
    {
    }

    public MasterKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
