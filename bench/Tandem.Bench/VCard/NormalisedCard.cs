using System.Text;

namespace Tandem.Bench.VCard;

/// <summary>
/// A card reduced to what a sync must carry over, so two folders written by different tools compare:
/// lines unfolded; BEGIN, END, VERSION, PRODID, REV and UID left out (UID is kept apart); groups and
/// parameters dropped (TYPE=work vs type=WORK, VALUE=uri); text unescaped; e-mail lower-cased; phones
/// reduced to '+' and digits (a <c>tel:</c> URI too); trailing empty components of N and ORG cut; a photo
/// reduced to its bytes (3.0's base64 and 4.0's data URI alike); 3.0's X-ANNIVERSARY read as ANNIVERSARY and dates
/// reduced to their digits (2010-06-12 and 20100612 alike); properties sorted. The key is the card's e-mails, sorted.
/// </summary>
public sealed record NormalisedCard(string Key, string? Uid, IReadOnlyList<string> Properties)
{
    private static readonly HashSet<string> Volatile = new(StringComparer.OrdinalIgnoreCase) { "BEGIN", "END", "VERSION", "PRODID", "REV", "UID" };

    public string Content => string.Join(" | ", Properties);

    /// <summary>True when CATEGORIES holds this tag (Tandem marks the counterpart of a deleted contact with one).</summary>
    public bool HasCategory(string tag) =>
        Properties.Any(p => p.StartsWith("CATEGORIES:", StringComparison.Ordinal) && p["CATEGORIES:".Length..].Split(',').Any(c => c.Trim() == tag));

    public static NormalisedCard Read(string path) => Parse(File.ReadAllText(path));

    public static NormalisedCard Parse(string text)
    {
        var properties = new List<string>();
        var emails = new List<string>();
        string? uid = null;
        foreach (var line in Unfold(text))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var head = line[..colon];
            var name = head.Split(';')[0];
            name = name[(name.LastIndexOf('.') + 1)..].ToUpperInvariant();
            if (name is "X-ANNIVERSARY")
            {
                name = "ANNIVERSARY";
            }

            var value = line[(colon + 1)..];
            if (name == "UID")
            {
                uid = value.Trim();
            }

            if (Volatile.Contains(name))
            {
                continue;
            }

            var normal = Normalise(name, value);
            if (name == "EMAIL")
            {
                emails.Add(normal);
            }

            properties.Add(name + ":" + normal);
        }

        properties.Sort(StringComparer.Ordinal);
        emails.Sort(StringComparer.Ordinal);
        return new NormalisedCard(string.Join(",", emails), uid, properties);
    }

    private static string Normalise(string name, string value) => name switch
    {
        "EMAIL" => Unescape(value).Trim().ToLowerInvariant(),
        "TEL" => new string(value.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray()),
        "N" or "ORG" => value.TrimEnd(';').Trim(),
        "PHOTO" => Convert.ToBase64String(Convert.FromBase64String(value.Contains("base64,", StringComparison.Ordinal) ? value[(value.IndexOf("base64,", StringComparison.Ordinal) + 7)..] : value.Trim())),
        "ANNIVERSARY" or "BDAY" => new string(value.Where(char.IsAsciiDigit).ToArray()),
        _ => Unescape(value).Trim(),
    };

    private static string Unescape(string value) => value
        .Replace("\\n", "\n", StringComparison.OrdinalIgnoreCase)
        .Replace("\\,", ",", StringComparison.Ordinal)
        .Replace("\\;", ";", StringComparison.Ordinal)
        .Replace("\\\\", "\\", StringComparison.Ordinal);

    private static List<string> Unfold(string text)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.Length > 0 && (raw[0] == ' ' || raw[0] == '\t'))
            {
                current.Append(raw, 1, raw.Length - 1);
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current.ToString());
            }

            current.Clear().Append(raw);
        }

        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }

        return lines;
    }
}
