using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Woodpecker;

/// <summary>One prospect as the sandbox keeps it: its id, its text fields by Woodpecker's names, its global status and when it last changed.</summary>
internal sealed class StoredProspect(int id, DateTimeOffset updated)
{
    public int Id { get; } = id;

    /// <summary>email, first_name, …, tags, snippet1…snippet15: the values as last written (missing ones are empty).</summary>
    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);

    public string Status { get; set; } = ProspectFields.Active;

    public DateTimeOffset Updated { get; set; } = updated;

    public string Email => Fields.GetValueOrDefault("email") ?? string.Empty;

    public string Field(string name) => Fields.GetValueOrDefault(name) ?? string.Empty;

    /// <summary>
    /// The prospect as <c>GET /rest/v1/prospects</c> shows it (help.woodpecker.co's sample): every field as a string, the
    /// legacy <c>snipet1</c>…<c>snipet4</c> aliases beside <c>snippet1</c>…<c>snippet4</c>, snippet 9 under the sample's
    /// own spelling <c>snipper9</c>, <c>updated</c> as <c>2016-09-03T15:02:57+0200</c>, and the labelled snippets.
    /// </summary>
    public JsonObject ToJson(IReadOnlyDictionary<int, string> snippetLabels)
    {
        var json = new JsonObject { ["id"] = Id };
        foreach (var name in ProspectFields.Text)
        {
            json[name] = Field(name);
        }

        for (var n = 1; n <= ProspectFields.Snippets; n++)
        {
            var value = Field(ProspectFields.Snippet(n));
            json[n == 9 ? "snipper9" : ProspectFields.Snippet(n)] = value;
            if (n <= 4)
            {
                json["snipet" + n] = value;
            }
        }

        var labelled = new JsonObject();
        foreach (var (n, label) in snippetLabels.OrderBy(l => l.Key))
        {
            labelled[label] = Field(ProspectFields.Snippet(n));
        }

        json["snippet_labels"] = labelled;
        json["status"] = Status;
        json["updated"] = ProspectFields.Stamp(Updated);
        json["encrypted"] = false;
        return json;
    }
}
