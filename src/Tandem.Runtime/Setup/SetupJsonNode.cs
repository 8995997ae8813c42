using System.Text.Json;

namespace Tandem.Runtime.Setup;

/// <summary>A value of a set-up file with its JSON path, so every error can say exactly where it is.</summary>
internal sealed class SetupJsonNode(string source, string path, JsonElement element)
{
    public string Source => source;

    public string Path => path;

    public JsonElement Element => element;

    public SetupFileException Error(string message) => new($"{source}: {path}: {message}");

    public void RequireObject()
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Error($"must be a JSON object, not {Kind(element)}.");
        }
    }

    /// <summary>Refuses properties other than <paramref name="names"/>: a typo must not be silently ignored.</summary>
    public void AllowOnly(params string[] names)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!names.Contains(property.Name, StringComparer.Ordinal))
            {
                throw Child(property.Name, property.Value).Error($"unknown property; expected one of: {string.Join(", ", names)}.");
            }
        }
    }

    public SetupJsonNode? Property(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Child(name, value) : null;

    public string RequiredString(string name)
    {
        var value = Property(name) ?? throw Error($"the property '{name}' is required.");
        var text = value.String();
        return string.IsNullOrWhiteSpace(text) ? throw value.Error("must not be empty.") : text.Trim();
    }

    public string String() =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw Error($"must be a string, not {Kind(element)}.");

    public IEnumerable<SetupJsonNode> OptionalArray(string name)
    {
        if (Property(name) is not { } array)
        {
            return [];
        }

        return array.Element.ValueKind == JsonValueKind.Array
            ? array.Element.EnumerateArray().Select((item, i) => new SetupJsonNode(source, $"{array.Path}[{i}]", item)).ToList()
            : throw array.Error($"must be a JSON array, not {Kind(array.Element)}.");
    }

    public IEnumerable<(string Key, SetupJsonNode Value)> OptionalObject(string name)
    {
        if (Property(name) is not { } map)
        {
            return [];
        }

        map.RequireObject();
        return map.Element.EnumerateObject().Select(p => (p.Name, map.Child(p.Name, p.Value))).ToList();
    }

    private SetupJsonNode Child(string name, JsonElement value)
    {
        var simple = name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        return new SetupJsonNode(source, simple ? $"{path}.{name}" : $"{path}['{name}']", value);
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
