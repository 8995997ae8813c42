using System.Text.Json.Nodes;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Pipeliner.Internal;

/// <summary>
/// Pipeliner answered with its error body (<c>{code, name, message, entity_index, field_errors[]}</c>): the fields named
/// in <see cref="FieldErrors"/> are api names with Pipeliner's message; messages are about the request, never contact data.
/// </summary>
internal sealed class PipelinerApiException : ApiErrorException
{
    public PipelinerApiException(int status, string name, string pipelinerMessage)
        : base(status, $"Pipeliner answered {status}{(name.Length > 0 ? " (" + name + ")" : string.Empty)}.", pipelinerMessage)
    {
        Name = name;
    }

    public PipelinerApiException()
        : this(0, string.Empty, string.Empty)
    {
    }

    public PipelinerApiException(string message)
        : base(message)
    {
        Name = string.Empty;
    }

    public PipelinerApiException(string message, Exception inner)
        : base(message, inner)
    {
        Name = string.Empty;
    }

    /// <summary>Pipeliner's error name (<c>ERROR_ENTITY_VALIDATION</c>).</summary>
    public string Name { get; }

    /// <summary>The batch position of the entity the error is about, when Pipeliner says.</summary>
    public int? EntityIndex { get; init; }

    /// <summary>Each refused field: its api name and Pipeliner's message (without the <c>[field]</c> prefix).</summary>
    public IReadOnlyList<(string Field, string Message)> FieldErrors { get; init; } = [];

    /// <summary>Reads an error body (a batch item's or a whole answer's).</summary>
    public static PipelinerApiException From(int status, JsonObject body)
    {
        var errors = JsonFields.Items(body, "field_errors")
            .SelectMany(f => JsonFields.Items(f, "errors").DefaultIfEmpty(f)
                .Select(e => (Field: JsonFields.Text(e, "field_name") ?? JsonFields.Text(f, "field_name") ?? string.Empty, Message: Unprefixed(JsonFields.Text(e, "message") ?? JsonFields.Text(f, "name") ?? string.Empty))))
            .Where(e => e.Field.Length > 0)
            .ToList();
        var message = Unprefixed(JsonFields.Text(body, "message") ?? string.Empty).Trim();
        return new PipelinerApiException(JsonFields.Int(body, "http_status") ?? status, JsonFields.Text(body, "name") ?? string.Empty, message)
        {
            EntityIndex = JsonFields.Int(body, "entity_index"),
            FieldErrors = errors,
        };
    }

    /// <summary>"[email1] Invalid email address!" → "Invalid email address!".</summary>
    private static string Unprefixed(string message)
    {
        var text = message.Trim();
        return text.StartsWith('[') && text.IndexOf(']', StringComparison.Ordinal) is var end and > 0 ? text[(end + 1)..].Trim() : text;
    }
}
