namespace Tandem.Web.Services.Errors;

/// <summary>The thing does not exist, or belongs to another user (the two are never told apart). The API answers 404.</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException()
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static NotFoundException Account(string id) => new($"No account {id}.");

    public static NotFoundException Connection(string id) => new($"No connection {id}.");
}
