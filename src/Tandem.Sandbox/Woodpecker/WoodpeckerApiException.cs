namespace Tandem.Sandbox.Woodpecker;

/// <summary>An error the sandbox answers in Woodpecker's v1 shape: <c>{"status":{"status":"ERROR","code":"E_…","msg":"…"}}</c>.</summary>
public sealed class WoodpeckerApiException : Exception
{
    public WoodpeckerApiException(int status, string code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    public WoodpeckerApiException()
        : this(500, "E_INTERNAL", "Internal server error")
    {
    }

    public WoodpeckerApiException(string message)
        : this(400, "E_WRONG_PARAM", message)
    {
    }

    public WoodpeckerApiException(string message, Exception inner)
        : base(message, inner)
    {
        Status = 400;
        Code = "E_WRONG_PARAM";
    }

    public int Status { get; }

    /// <summary>Woodpecker's error code (<c>E_SESSION</c>, <c>E_TOO_MANY_REQUESTS</c>, <c>E_WRONG_PARAM</c>…).</summary>
    public string Code { get; }

    public static WoodpeckerApiException Session() => new(401, "E_SESSION", "The API key you've entered is incorrect or no longer valid.");

    public static WoodpeckerApiException TooManyRequests() => new(429, "E_TOO_MANY_REQUESTS", "Too many simultaneous requests.");

    public static WoodpeckerApiException UrlNotFound() => new(404, "E_URL_NOT_FOUND", "Invalid URL.");

    public static WoodpeckerApiException WrongParam(string message) => new(400, "E_WRONG_PARAM", message);
}
