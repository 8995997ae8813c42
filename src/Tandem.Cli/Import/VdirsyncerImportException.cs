namespace Tandem.Cli.Import;

/// <summary>The vdirsyncer configuration cannot be read, or asks for something Tandem has no equivalent of; the message says which.</summary>
internal sealed class VdirsyncerImportException : Exception
{
    public VdirsyncerImportException()
    {
    }

    public VdirsyncerImportException(string message)
        : base(message)
    {
    }

    public VdirsyncerImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
