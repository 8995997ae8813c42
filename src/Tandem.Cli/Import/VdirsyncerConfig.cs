using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tandem.Cli.Import;

/// <summary>
/// A vdirsyncer configuration as vdirsyncer reads it: INI sections (<c>[general]</c>, <c>[pair NAME]</c>,
/// <c>[storage NAME]</c>) whose values are JSON (<c>"text"</c>, <c>null</c>, <c>["a", "b"]</c>, <c>true</c>).
/// </summary>
internal sealed class VdirsyncerConfig
{
    private VdirsyncerConfig(IReadOnlyList<VdirsyncerSection> sections)
    {
        Sections = sections;
    }

    public IReadOnlyList<VdirsyncerSection> Sections { get; }

    public IEnumerable<VdirsyncerSection> Pairs => Sections.Where(s => s.Kind == "pair");

    public VdirsyncerSection? Storage(string name) => Sections.FirstOrDefault(s => s.Kind == "storage" && s.Name == name);

    /// <exception cref="VdirsyncerImportException">The text is not a vdirsyncer configuration.</exception>
    public static VdirsyncerConfig Parse(string text, string source)
    {
        var sections = new List<VdirsyncerSection>();
        VdirsyncerSection? current = null;
        string? lastKey = null;
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#') || trimmed.StartsWith(';'))
            {
                continue;
            }

            var where = $"{source}, line {i + 1}";
            if (char.IsWhiteSpace(line[0]) && current is not null && lastKey is not null)
            {
                // configparser's continuation line: part of the previous value (a list spread over lines).
                current.Raw[lastKey] += "\n" + trimmed;
                continue;
            }

            if (trimmed.StartsWith('['))
            {
                current = Header(trimmed, where);
                sections.Add(current);
                lastKey = null;
                continue;
            }

            var cut = trimmed.IndexOfAny(['=', ':']);
            if (current is null || cut <= 0)
            {
                throw new VdirsyncerImportException($"{where}: expected a [section] or KEY = VALUE, found '{trimmed}'.");
            }

            lastKey = trimmed[..cut].Trim();
            current.Raw[lastKey] = trimmed[(cut + 1)..].Trim();
        }

        foreach (var section in sections)
        {
            foreach (var (key, raw) in section.Raw)
            {
                section.Values[key] = Value(raw, $"{source}: [{section.Header}] {key}");
            }
        }

        return new VdirsyncerConfig(sections);
    }

    private static VdirsyncerSection Header(string line, string where)
    {
        if (!line.EndsWith(']'))
        {
            throw new VdirsyncerImportException($"{where}: a section header must end with ']'.");
        }

        var inner = line[1..^1].Trim();
        var space = inner.IndexOf(' ', StringComparison.Ordinal);
        var kind = space < 0 ? inner : inner[..space];
        var name = space < 0 ? string.Empty : inner[(space + 1)..].Trim();
        if (kind is not ("general" or "pair" or "storage") || (kind != "general" && name.Length == 0))
        {
            throw new VdirsyncerImportException($"{where}: unknown section [{inner}]; vdirsyncer has [general], [pair NAME] and [storage NAME].");
        }

        return new VdirsyncerSection(kind, name);
    }

    private static JsonNode? Value(string raw, string where)
    {
        try
        {
            return JsonNode.Parse(raw);
        }
        catch (JsonException ex)
        {
            throw new VdirsyncerImportException($"{where}: the value is not valid JSON (vdirsyncer reads values as JSON: quote strings).", ex);
        }
    }
}
