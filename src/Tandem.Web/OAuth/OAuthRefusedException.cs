namespace Tandem.Web.OAuth;

/// <summary>An authorisation through a consent page that cannot go on; the message is written for the user and holds no secret.</summary>
public sealed class OAuthRefusedException : Exception
{
    public OAuthRefusedException(string message)
        : base(message)
    {
    }

    public OAuthRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public OAuthRefusedException()
    {
    }
}
