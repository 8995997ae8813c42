namespace Tandem.Sandbox.Salesmate;

/// <summary>
/// An error the sandbox answers in Salesmate's envelope, <c>{"Status":"failure","Error":{"Code","Name","Message"}}</c>.
/// Salesmate answers most failures (an unknown record, a missing required field) with HTTP 200; only credentials,
/// rate limits and server faults change the status.
/// </summary>
public sealed class SalesmateApiException : Exception
{
    public SalesmateApiException(int status, string code, string name, string message)
        : base(message)
    {
        Status = status;
        Code = code;
        Name = name;
    }

    public SalesmateApiException()
        : this(500, "5000", "InternalServerError", "Something went wrong.")
    {
    }

    public SalesmateApiException(string message)
        : this(200, "4000", "ValidationError", message)
    {
    }

    public SalesmateApiException(string message, Exception inner)
        : base(message, inner)
    {
        Status = 200;
        Code = "4000";
        Name = "ValidationError";
    }

    /// <summary>The HTTP status (200 for Salesmate's in-envelope failures).</summary>
    public int Status { get; }

    public string Code { get; } = string.Empty;

    public string Name { get; } = string.Empty;

    /// <summary>The record does not exist (or no longer): HTTP 200, code 4005, as Salesmate answers it.</summary>
    public static SalesmateApiException ObjectNotFound(string module) => new(200, "4005", "ObjectNotFound", $"{module} not found.");

    public static SalesmateApiException Invalid(string message) => new(200, "4000", "ValidationError", message);

    public static SalesmateApiException Unauthorized() => new(401, "4001", "Unauthorized", "Invalid access token or link name.");

    public static SalesmateApiException RouteNotFound() => new(404, "4004", "NotFound", "Route not found.");
}
