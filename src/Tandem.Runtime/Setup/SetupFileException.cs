namespace Tandem.Runtime.Setup;

/// <summary>
/// A set-up file cannot be applied. The message names the file and the JSON path or item at fault, and
/// never quotes a secret. Nothing was changed in the database.
/// </summary>
public sealed class SetupFileException : Exception
{
    public SetupFileException()
    {
    }

    public SetupFileException(string message)
        : base(message)
    {
    }

    public SetupFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
