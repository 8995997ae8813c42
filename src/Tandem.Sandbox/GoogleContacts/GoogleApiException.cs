namespace Tandem.Sandbox.GoogleContacts;

/// <summary>An error the simulated API answers with, in Google's envelope (see <see cref="GoogleErrors"/>).</summary>
internal sealed class GoogleApiException : Exception
{
    public GoogleApiException(int code, string status, string message, string? reason = null)
        : base(message)
    {
        Code = code;
        Status = status;
        Reason = reason;
    }

    public GoogleApiException()
        : this(500, "INTERNAL", "Internal error encountered.")
    {
    }

    public GoogleApiException(string message)
        : this(400, "INVALID_ARGUMENT", message)
    {
    }

    public GoogleApiException(string message, Exception inner)
        : base(message, inner)
    {
        Code = 400;
        Status = "INVALID_ARGUMENT";
    }

    public int Code { get; }

    public string Status { get; }

    /// <summary>The <c>google.rpc.ErrorInfo</c> reason, when Google sends one (EXPIRED_SYNC_TOKEN, RATE_LIMIT_EXCEEDED).</summary>
    public string? Reason { get; }

    public static GoogleApiException Invalid(string message) => new(400, "INVALID_ARGUMENT", message);

    public static GoogleApiException NotFound() => new(404, "NOT_FOUND", "Requested entity was not found.");
}
