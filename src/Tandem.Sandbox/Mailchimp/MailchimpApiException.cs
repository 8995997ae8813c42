using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>An error answered as Mailchimp's problem document: <c>type, title, status, detail, instance</c> and, for invalid fields, <c>errors</c>.</summary>
internal sealed class MailchimpApiException : Exception
{
    public MailchimpApiException(int status, string title, string detail, JsonArray? errors = null)
        : base(detail)
    {
        Status = status;
        Title = title;
        Errors = errors;
    }

    public MailchimpApiException()
        : this(500, "Internal Server Error", "An unexpected internal error has occurred.")
    {
    }

    public MailchimpApiException(string message)
        : this(400, "Invalid Resource", message)
    {
    }

    public MailchimpApiException(string message, Exception inner)
        : base(message, inner)
    {
        Status = 400;
        Title = "Invalid Resource";
    }

    public int Status { get; }

    public string Title { get; }

    public JsonArray? Errors { get; }

    public static MailchimpApiException NotFound() =>
        new(404, "Resource Not Found", "The requested resource could not be found.");

    public static MailchimpApiException Invalid(string detail) => new(400, "Invalid Resource", detail);

    /// <summary>Field-level validation errors, as Mailchimp lists them under <c>errors</c>.</summary>
    public static MailchimpApiException InvalidFields(IEnumerable<(string Field, string Message)> errors) =>
        new(400, "Invalid Resource", "The resource submitted could not be validated. For field-specific details, see the 'errors' array.",
            new JsonArray(errors.Select(e => (JsonNode)new JsonObject { ["field"] = e.Field, ["message"] = e.Message }).ToArray()));

    public static MailchimpApiException Unauthorized() =>
        new(401, "API Key Invalid", "Your API key may be invalid, or you've attempted to access the wrong datacenter.");

    public static MailchimpApiException TooManyRequests() =>
        new(429, "Too Many Requests", "You have exceeded the limit of 10 simultaneous connections.");
}
