using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tandem.Connectors.Testing.Specs;

/// <summary>
/// An OpenAPI 3.0 document (YAML or JSON) read into JSON nodes: its operations by method and path template, and
/// local <c>$ref</c>s resolved on demand. Loaded documents are cached per file, since the vendor files are megabytes.
/// </summary>
public sealed class OpenApiDocument
{
    private static readonly ConcurrentDictionary<string, Lazy<OpenApiDocument>> Cache = new(StringComparer.Ordinal);
    private readonly List<(string Template, Regex Pattern, int Literals, JsonObject Item)> paths = [];

    private OpenApiDocument(JsonObject root, string name)
    {
        Root = root;
        Name = name;
        foreach (var (template, item) in root["paths"] as JsonObject ?? [])
        {
            var segments = template.Trim('/').Split('/');
            var pattern = "^/" + string.Join('/', segments.Select(s => s.StartsWith('{') ? "(?<" + Group(s) + ">[^/]+)" : Regex.Escape(s))) + "/?$";
            paths.Add((template, new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), segments.Count(s => !s.StartsWith('{')), (JsonObject)item!));
        }
    }

    public JsonObject Root { get; }

    /// <summary>The file name, for messages.</summary>
    public string Name { get; }

    /// <summary>Loads a vendor spec from the repository's <c>specs/&lt;relativePath&gt;</c> (copied beside the tests at build).</summary>
    public static OpenApiDocument LoadSpec(string relativePath) =>
        Cache.GetOrAdd(relativePath, p => new Lazy<OpenApiDocument>(() => Load(VendorSpecs.PathOf(p)))).Value;

    public static OpenApiDocument Load(string file) =>
        Parse(File.ReadAllText(file), Path.GetFileName(file));

    /// <summary>Reads a document from text: JSON when it starts with a brace, YAML otherwise.</summary>
    public static OpenApiDocument Parse(string text, string name)
    {
        var root = text.TrimStart().StartsWith('{') ? JsonNode.Parse(text) : FromYaml(text);
        return new OpenApiDocument(root as JsonObject ?? throw new InvalidDataException(name + " is not an OpenAPI document."), name);
    }

    /// <summary>The operation for a method and a path relative to the server URL; literal segments win over templates.</summary>
    public (string Template, JsonObject Operation, JsonObject PathItem, IReadOnlyDictionary<string, string> PathValues)? Find(string method, string path)
    {
        foreach (var (template, pattern, _, item) in paths.OrderByDescending(p => p.Literals))
        {
            var match = pattern.Match(path);
            if (!match.Success || item[method.ToLowerInvariant()] is not JsonObject operation)
            {
                continue;
            }

            var values = template.Trim('/').Split('/').Where(s => s.StartsWith('{'))
                .ToDictionary(s => s.Trim('{', '}'), s => Uri.UnescapeDataString(match.Groups[Group(s)].Value), StringComparer.Ordinal);
            return (template, operation, item, values);
        }

        return null;
    }

    /// <summary>Follows a <c>$ref</c> (<c>#/components/…</c>) if the node is one; other nodes come back as they are.</summary>
    public JsonObject Resolve(JsonObject node)
    {
        for (var hops = 0; node["$ref"]?.GetValue<string>() is { } reference; hops++)
        {
            if (hops > 32 || !reference.StartsWith("#/", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{Name}: cannot follow $ref '{reference}'.");
            }

            JsonNode? target = Root;
            foreach (var part in reference[2..].Split('/'))
            {
                target = target?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }

            node = target as JsonObject ?? throw new InvalidDataException($"{Name}: $ref '{reference}' points nowhere.");
        }

        return node;
    }

    private static string Group(string segment) => "p" + Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(segment.Trim('{', '}')));

    private static JsonNode? FromYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return ToJson(stream.Documents[0].RootNode);
    }

    /// <summary>YAML to JSON with the core schema: plain scalars may be null, booleans or numbers; quoted ones are strings.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? string.Empty, ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => Plain(scalar.Value ?? string.Empty),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? string.Empty),
        _ => throw new InvalidDataException("Unsupported YAML node " + node.NodeType),
    };

    private static JsonNode? Plain(string value) => value switch
    {
        "" or "~" or "null" or "Null" or "NULL" => null,
        "true" or "True" or "TRUE" => JsonValue.Create(true),
        "false" or "False" or "FALSE" => JsonValue.Create(false),
        _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
        _ when Regex.IsMatch(value, @"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$", RegexOptions.None, TimeSpan.FromSeconds(1))
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => JsonValue.Create(real),
        _ => JsonValue.Create(value),
    };
}
