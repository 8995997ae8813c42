using Tandem.Connectors.Http;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>Mailchimp answered with its problem document; <see cref="Title"/> and <see cref="Detail"/> are about the request.</summary>
internal sealed class MailchimpApiException : ApiErrorException
{
    public MailchimpApiException(int status, string title, string detail, IReadOnlyList<string> fieldErrors)
        : base(status, $"Mailchimp answered {status} {title}.", ReasonOf(title, fieldErrors))
    {
        Title = title;
        Detail = detail;
        FieldErrors = fieldErrors;
    }

    public MailchimpApiException()
        : this(0, string.Empty, string.Empty, [])
    {
    }

    public MailchimpApiException(string message)
        : base(message)
    {
    }

    public MailchimpApiException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public string Title { get; } = string.Empty;

    public string Detail { get; } = string.Empty;

    /// <summary>The <c>errors[]</c> of an invalid resource, as "field: message".</summary>
    public IReadOnlyList<string> FieldErrors { get; } = [];

    /// <summary>Mailchimp's reason in a user's words: the field errors when there are some, else the title.</summary>
    public string Reason => AppReason.Length > 0 ? AppReason : Message;

    private static string ReasonOf(string title, IReadOnlyList<string> fieldErrors) =>
        fieldErrors.Count > 0 ? string.Join("; ", fieldErrors) : title;
}
