using Tandem.Connectors.Http;

namespace Tandem.Connectors.Workbooks.Internal;

/// <summary>
/// Workbooks answered with an error status and its <c>failure_reason</c> (<c>no_session</c>, <c>user_agent_required</c>,
/// <c>no_database_selection_made</c>…); <see cref="FailureReason"/> is about the request, never contact data.
/// </summary>
internal sealed class WorkbooksApiException : ApiErrorException
{
    public WorkbooksApiException(int status, string failureReason, string failureMessage)
        : base(status, $"Workbooks answered {status} ({failureReason}).", failureMessage.Length > 0 ? failureMessage : failureReason)
    {
        FailureReason = failureReason;
    }

    public WorkbooksApiException()
        : this(0, string.Empty, string.Empty)
    {
    }

    public WorkbooksApiException(string message)
        : base(message)
    {
        FailureReason = string.Empty;
    }

    public WorkbooksApiException(string message, Exception inner)
        : base(message, inner)
    {
        FailureReason = string.Empty;
    }

    public string FailureReason { get; }

    /// <summary>The session is gone (expired, ended by the service, or never there): a login is needed.</summary>
    public bool IsSessionEnded => Status == 401 && FailureReason is "session_expired" or "no_session" or "no_session_found";
}
