using System.Text.Json.Nodes;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Wooxy.Internal;

/// <summary>One request as <c>request/find</c> reports it: processed or not, and its per-contact successes and errors.</summary>
internal sealed record RequestResults(bool Processed, IReadOnlyList<ContactIds> Success, IReadOnlyList<(ContactIds Contact, string Code, string Reason)> Errors)
{
    // Wooxy does not document its status codes; anything but a known waiting word with results present counts as processed.
    private static readonly string[] Waiting = ["pending", "new", "queued", "processing", "in_progress", "created"];

    public static RequestResults Read(JsonObject request)
    {
        var status = JsonFields.Text(request, "status")?.ToLowerInvariant();
        var results = request["results"] as JsonObject;
        var success = JsonFields.Items(results, "success").Select(Ids).ToList();
        var errors = JsonFields.Items(results, "errors")
            .Select(e => (Ids(e["contact"] as JsonObject), JsonFields.Text(e, "error") ?? string.Empty, JsonFields.Text(e, "humanError") ?? JsonFields.Text(e, "error") ?? "Wooxy refused the contact."))
            .ToList();
        var processed = status is null ? success.Count + errors.Count > 0 : !Waiting.Contains(status);
        return new RequestResults(processed, success, errors);
    }

    private static ContactIds Ids(JsonObject? contact) =>
        new(JsonFields.Text(contact, "email")?.ToLowerInvariant(), JsonFields.Text(contact, "phone") ?? JsonFields.Text(contact, "phoneNumber"), JsonFields.Text(contact, "userId"));
}
