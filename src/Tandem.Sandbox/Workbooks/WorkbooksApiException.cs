namespace Tandem.Sandbox.Workbooks;

/// <summary>
/// A refusal the sandbox answers with Workbooks' shape: an HTTP status with <c>{success:false, failure_reason,
/// failure_message}</c> (login and authentication failures, such as <c>403 user_agent_required</c>).
/// </summary>
public sealed class WorkbooksApiException : Exception
{
    public WorkbooksApiException(int status, string failureReason, string message)
        : base(message)
    {
        Status = status;
        FailureReason = failureReason;
    }

    public WorkbooksApiException()
        : this(500, "exception", "An error has occurred.")
    {
    }

    public WorkbooksApiException(string message)
        : this(406, "not_acceptable", message)
    {
    }

    public WorkbooksApiException(string message, Exception inner)
        : base(message, inner)
    {
        Status = 406;
        FailureReason = "not_acceptable";
    }

    public int Status { get; }

    public string FailureReason { get; }

    public static WorkbooksApiException NoSession() => new(401, "no_session", "You do not have a session.");

    public static WorkbooksApiException UserAgentRequired() => new(403, "user_agent_required", "You must provide a User-Agent: HTTP header value.");

    public static WorkbooksApiException NotFound() => new(404, "not_found", "The resource could not be found.");
}
