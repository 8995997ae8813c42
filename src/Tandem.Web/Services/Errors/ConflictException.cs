namespace Tandem.Web.Services.Errors;

/// <summary>The request is valid but clashes with the current state (an account still used by a connection). The API answers 409.</summary>
public sealed class ConflictException : Exception
{
    public ConflictException()
    {
    }

    public ConflictException(string message)
        : base(message)
    {
    }

    public ConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
