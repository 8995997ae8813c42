using Tandem.Connectors.Http;

namespace Tandem.Connectors.GoogleContacts.Internal;

/// <summary>Google answered with its error envelope: the HTTP code, the status (FAILED_PRECONDITION…) and the ErrorInfo reason.</summary>
internal sealed class PeopleApiException : ApiErrorException
{
    public PeopleApiException(int code, string status, string? reason, string googleMessage)
        : base(code, $"Google Contacts answered {code} {status}{(reason is null ? string.Empty : " (" + reason + ")")}.", googleMessage)
    {
        GoogleStatus = status;
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
        GoogleStatus = "UNKNOWN";
        GoogleMessage = message;
    }

    public PeopleApiException(string message, Exception inner)
        : base(message, inner)
    {
        GoogleStatus = "UNKNOWN";
        GoogleMessage = message;
    }

    public int Code => Status;

    /// <summary>Google's status word (FAILED_PRECONDITION, NOT_FOUND…).</summary>
    public string GoogleStatus { get; } = "UNKNOWN";

    public string? Reason { get; }

    /// <summary>Google's own message (about the request, not the contact's data), shown as a write's failure reason.</summary>
    public string GoogleMessage { get; } = string.Empty;

    public override bool IsStaleVersion => IsStaleEtag;

    public bool IsStaleEtag => Code == 400 && GoogleStatus == "FAILED_PRECONDITION" && Reason is null or "failedPrecondition";
}
