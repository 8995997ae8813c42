using Tandem.Connectors.Contract;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>Mailchimp answered with its problem document; <see cref="Title"/> and <see cref="Detail"/> are about the request.</summary>
internal sealed class MailchimpApiException : ConnectorException
{
    public MailchimpApiException(int status, string title, string detail, IReadOnlyList<string> fieldErrors)
        : base($"Mailchimp answered {status} {title}.")
    {
        Status = status;
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

    public int Status { get; }

    public string Title { get; } = string.Empty;

    public string Detail { get; } = string.Empty;

    /// <summary>The <c>errors[]</c> of an invalid resource, as "field: message".</summary>
    public IReadOnlyList<string> FieldErrors { get; } = [];

    /// <summary>Mailchimp's reason in a user's words: the field errors when there are some, else the title.</summary>
    public string Reason => FieldErrors.Count > 0 ? string.Join("; ", FieldErrors) : Title.Length > 0 ? Title : Message;
}
