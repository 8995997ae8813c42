using Tandem.Connectors.Http;

namespace Tandem.Connectors.Woodpecker.Internal;

/// <summary>Woodpecker refused a call: the HTTP status and the v1 envelope's <c>status.code</c> and <c>status.msg</c>.</summary>
internal sealed class WoodpeckerApiException : ApiErrorException
{
    public WoodpeckerApiException(int status, string code, string reason)
        : base(status, Sentence(status, code, reason), reason)
    {
        Code = code;
    }

    public WoodpeckerApiException()
        : this(0, string.Empty, string.Empty)
    {
    }

    public WoodpeckerApiException(string message)
        : base(message)
    {
        Code = string.Empty;
    }

    public WoodpeckerApiException(string message, Exception inner)
        : base(message, inner)
    {
        Code = string.Empty;
    }

    /// <summary>Woodpecker's error code (<c>E_SESSION</c>, <c>E_EMAIL</c>, …), or empty.</summary>
    public string Code { get; }

    /// <summary>Woodpecker names a bad key E_SESSION, whatever the status.</summary>
    public override bool IsStaleVersion => false;

    private static string Sentence(int status, string code, string reason) => code == "E_SESSION"
        ? "Woodpecker refused the API key; create a new one in Woodpecker (Marketplace > Integrations > API keys) and update the account."
        : $"Woodpecker answered {status}" + (reason.Length > 0 ? ": " + reason : ".");
}
