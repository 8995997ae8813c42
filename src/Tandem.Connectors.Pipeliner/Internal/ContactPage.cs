using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Pipeliner.Internal;

/// <summary>
/// One list page as Pipeliner answers it (<c>{success, data[], page_info{end_cursor, has_next_page}}</c>), checked whole: a
/// page that is not that shape is an error for the run, never read as "these contacts are gone".
/// </summary>
internal sealed record ContactPage(IReadOnlyList<JsonObject> Items, string? Next)
{
    public static ContactPage Read(JsonObject answer, string what)
    {
        if (answer["data"] is not JsonArray data || data.Any(i => i is not JsonObject item || JsonFields.Text(item, "id") is null)
            || answer["page_info"] is not JsonObject info || info["has_next_page"] is not JsonValue more || !more.TryGetValue<bool>(out var hasNext))
        {
            throw Malformed(what);
        }

        var next = JsonFields.Text(info, "end_cursor");
        if (hasNext && next is null)
        {
            throw Malformed(what);
        }

        return new ContactPage([.. data.OfType<JsonObject>()], hasNext ? next : null);
    }

    private static ConnectorException Malformed(string what) =>
        new($"Pipeliner answered a page of {what.Replace("entities/", string.Empty, StringComparison.Ordinal)} that cannot be read; the run stops, and nothing is taken as deleted.");
}
