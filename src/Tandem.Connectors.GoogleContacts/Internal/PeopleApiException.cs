using Tandem.Connectors.Contract;

namespace Tandem.Connectors.GoogleContacts.Internal;

/// <summary>Google answered with its error envelope: the HTTP code, the status (FAILED_PRECONDITION…) and the ErrorInfo reason.</summary>
internal sealed class PeopleApiException : ConnectorException
{
    public PeopleApiException(int code, string status, string? reason, string googleMessage)
        : base($"Google Contacts answered {code} {status}{(reason is null ? string.Empty : " (" + reason + ")")}.")
    {
        Code = code;
        Status = status;
        Reason = reason;
        GoogleMessage = googleMessage;
    }

    public PeopleApiException()
        : this(0, "UNKNOWN", null, string.Empty)
    {
    }

    public PeopleApiException(string message)
        : base(message)
    {
        Status = "UNKNOWN";
        GoogleMessage = message;
    }

    public PeopleApiException(string message, Exception inner)
        : base(message, inner)
    {
        Status = "UNKNOWN";
        GoogleMessage = message;
    }

    public int Code { get; }

    public string Status { get; } = "UNKNOWN";

    public string? Reason { get; }

    /// <summary>Google's own message (about the request, not the contact's data), shown as a write's failure reason.</summary>
    public string GoogleMessage { get; } = string.Empty;

    public bool IsStaleEtag => Code == 400 && Status == "FAILED_PRECONDITION" && Reason is null or "failedPrecondition";
}
