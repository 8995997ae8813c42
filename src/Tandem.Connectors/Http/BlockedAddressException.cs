namespace Tandem.Connectors.Http;

/// <summary>
/// Thrown at connect time when every address of a host is internal and the host's <see cref="NetworkPolicy"/> does not
/// allow it. The runtime wraps it in an <see cref="HttpRequestException"/>; <see cref="ResponseLimitsHandler"/> turns it
/// into the account's message.
/// </summary>
internal sealed class BlockedAddressException : IOException
{
    public BlockedAddressException()
    {
        Host = string.Empty;
    }

    public BlockedAddressException(string host)
        : base($"'{host}' resolves to an internal network address.")
    {
        Host = host;
    }

    public BlockedAddressException(string message, Exception inner)
        : base(message, inner)
    {
        Host = string.Empty;
    }

    /// <summary>The host as the URL names it.</summary>
    public string Host { get; }
}
