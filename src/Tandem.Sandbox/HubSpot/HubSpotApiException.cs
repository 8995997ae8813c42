namespace Tandem.Sandbox.HubSpot;

/// <summary>
/// A refusal in HubSpot's error shape: <c>{status:"error", message, correlationId, category, subCategory?, context?,
/// errors?, policyName?}</c>. <see cref="Context"/> names what the error is about (<c>ids</c>, <c>objectWriteTraceId</c>).
/// </summary>
public sealed class HubSpotApiException : Exception
{
    public HubSpotApiException(int status, string category, string message)
        : base(message)
    {
        Status = status;
        Category = category;
    }

    public HubSpotApiException()
        : this(500, "INTERNAL_ERROR", "internal error")
    {
    }

    public HubSpotApiException(string message)
        : this(400, "VALIDATION_ERROR", message)
    {
    }

    public HubSpotApiException(string message, Exception inner)
        : base(message, inner)
    {
        Status = 400;
        Category = "VALIDATION_ERROR";
    }

    public int Status { get; }

    public string Category { get; }

    public string? SubCategory { get; init; }

    /// <summary>The 429's policy: <c>TEN_SECONDLY_ROLLING</c>, <c>DAILY</c>, <c>SECONDLY</c>.</summary>
    public string? PolicyName { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Context { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    public static HubSpotApiException NotFound(string message = "Resource not found") => new(404, "OBJECT_NOT_FOUND", message);

    public static HubSpotApiException Invalid(string message) => new(400, "VALIDATION_ERROR", message);

    public static HubSpotApiException Unauthorized() => new(
        401,
        "INVALID_AUTHENTICATION",
        "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview");

    public static HubSpotApiException RateLimited(string policy, string message) => new(429, "RATE_LIMITS", message) { PolicyName = policy };
}
