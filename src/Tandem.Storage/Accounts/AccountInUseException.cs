namespace Tandem.Storage.Accounts;

/// <summary>An account cannot be removed while a connection uses it.</summary>
public sealed class AccountInUseException : InvalidOperationException
{
    public AccountInUseException()
    {
    }

    public AccountInUseException(string message)
        : base(message)
    {
    }

    public AccountInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The ids of the connections that use the account.</summary>
    public IReadOnlyList<string> ConnectionIds { get; init; } = [];
}
