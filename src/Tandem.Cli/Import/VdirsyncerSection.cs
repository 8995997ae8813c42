using System.Text.Json.Nodes;

namespace Tandem.Cli.Import;

/// <summary>One section of a vdirsyncer configuration: its kind (general, pair, storage), its name and its values.</summary>
internal sealed class VdirsyncerSection(string kind, string name)
{
    public string Kind => kind;

    public string Name => name;

    public string Header => Name.Length == 0 ? Kind : $"{Kind} {Name}";

    /// <summary>The values as written, before they are read as JSON.</summary>
    public Dictionary<string, string> Raw { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonNode?> Values { get; } = new(StringComparer.Ordinal);

    public bool Has(string key) => Values.ContainsKey(key);

    /// <summary>A string value, or null when absent; anything else is refused naming the key.</summary>
    public string? String(string key) =>
        !Values.TryGetValue(key, out var value) || value is null
            ? null
            : value is JsonValue v && v.TryGetValue<string>(out var s)
                ? s
                : throw new VdirsyncerImportException($"[{Header}] {key} must be a quoted string.");

    public string RequiredString(string key) =>
        String(key) ?? throw new VdirsyncerImportException($"[{Header}] needs {key}.");
}
