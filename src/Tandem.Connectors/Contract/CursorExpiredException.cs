namespace Tandem.Connectors.Contract;

/// <summary>The app no longer accepts the saved cursor (an expired sync token): the engine rescans fully.</summary>
public sealed class CursorExpiredException : Exception
{
    public CursorExpiredException()
        : base("The change-feed cursor expired; a full rescan is needed.")
    {
    }

    public CursorExpiredException(string message)
        : base(message)
    {
    }

    public CursorExpiredException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
