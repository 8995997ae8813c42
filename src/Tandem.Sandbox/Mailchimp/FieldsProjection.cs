using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>
/// The <c>fields</c> and <c>exclude_fields</c> query parameters: comma-separated dotted paths
/// (<c>members.id,total_items</c>) that keep or drop parts of an answer; arrays are passed through.
/// </summary>
internal static class FieldsProjection
{
    public static JsonObject Apply(JsonObject body, string? fields, string? excludeFields)
    {
        if (!string.IsNullOrWhiteSpace(fields))
        {
            body = Keep(body, Paths(fields));
        }

        if (!string.IsNullOrWhiteSpace(excludeFields))
        {
            Drop(body, Paths(excludeFields));
        }

        return body;
    }

    private static List<string[]> Paths(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.Split('.')).ToList();

    private static JsonObject Keep(JsonObject node, List<string[]> paths)
    {
        var kept = new JsonObject();
        foreach (var group in paths.GroupBy(p => p[0], StringComparer.Ordinal))
        {
            if (node[group.Key] is not { } child)
            {
                continue;
            }

            var rest = group.Where(p => p.Length > 1).Select(p => p[1..]).ToList();
            kept[group.Key] = group.Any(p => p.Length == 1) || rest.Count == 0 ? child.DeepClone() : KeepIn(child, rest);
        }

        return kept;
    }

    private static JsonNode? KeepIn(JsonNode node, List<string[]> paths) => node switch
    {
        JsonObject obj => Keep(obj, paths),
        JsonArray array => new JsonArray(array.Select(item => item is null ? null : KeepIn(item, paths)).ToArray()),
        _ => node.DeepClone(),
    };

    private static void Drop(JsonNode? node, List<string[]> paths)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Drop(item, paths);
                }

                break;
            case JsonObject obj:
                foreach (var path in paths)
                {
                    if (path.Length == 1)
                    {
                        obj.Remove(path[0]);
                    }
                    else
                    {
                        Drop(obj[path[0]], [path[1..]]);
                    }
                }

                break;
        }
    }
}
