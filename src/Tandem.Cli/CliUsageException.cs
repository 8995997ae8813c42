namespace Tandem.Cli;

/// <summary>The arguments make no sense together or name something that does not exist; exits 2 with the message.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException()
    {
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
