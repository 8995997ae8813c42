using Tandem.Connectors.Contract;

namespace Tandem.Connectors.CardDav.Http;

/// <summary>The server's address is internal and the operator did not allow it.</summary>
internal sealed class BlockedAddressException : ConnectorException
{
    public BlockedAddressException()
    {
    }

    public BlockedAddressException(string message)
        : base(message)
    {
    }

    public BlockedAddressException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
