using System.Text;
using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>How a typed value is shown as text, and which text may enter an email, phone or URL field.</summary>
internal static class TextConversions
{
    /// <summary>Turns canonical text of <paramref name="source"/>'s value into display text.</summary>
    public static Func<string, string?>? ToText(FieldAccess source) => source.ValueType switch
    {
        FieldType.SingleChoice or FieldType.OwnerReference => Labels(source.Field.Options, ", "),
        FieldType.MultipleChoice => Labels(source.Field.Options, ", "),
        FieldType.Address => AddressLine,
        _ => null,
    };

    /// <summary>Accepts text that is a valid value of <paramref name="target"/>'s type, in its canonical form.</summary>
    public static Func<string, string?> FromText(FieldType target, string? sourceRegion) => target switch
    {
        FieldType.Email => text => IsEmail(text) ? text : null,
        FieldType.Phone => text => Values.Create(FieldType.Phone, text, sourceRegion)?.Text is { } phone && phone.StartsWith('+') ? phone : null,
        FieldType.Url => text => IsUrl(text) ? text : null,
        _ => text => text,
    };

    internal static bool IsEmail(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        return at > 0
            && at == text.LastIndexOf('@')
            && text.IndexOf('.', at) > at + 1
            && !text.EndsWith('.')
            && !text.Any(char.IsWhiteSpace);
    }

    internal static bool IsUrl(string text)
    {
        if (text.Any(char.IsWhiteSpace) || !text.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        return scheme < 0
            || (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
    }

    private static Func<string, string?> Labels(IReadOnlyList<ChoiceOption> options, string separator)
    {
        var labels = new Dictionary<string, (int Order, string Label)>(StringComparer.Ordinal);
        for (var i = 0; i < options.Count; i++)
        {
            labels.TryAdd(options[i].Id, (i, options[i].Label));
        }

        return text =>
        {
            // Options in the order the app lists them, so the text does not depend on id spelling.
            var parts = text.Split(Values.PartSeparator);
            if (parts.Length == 1)
            {
                return labels.TryGetValue(text, out var one) ? one.Label : text;
            }

            var ordered = parts
                .Select(id => labels.TryGetValue(id, out var known) ? known : (int.MaxValue, id))
                .OrderBy(p => p.Item1)
                .ThenBy(p => p.Item2, StringComparer.Ordinal)
                .Select(p => p.Item2);
            return string.Join(separator, ordered);
        };
    }

    private static string? AddressLine(string text)
    {
        var line = new StringBuilder();
        foreach (var part in text.Split(Values.PartSeparator))
        {
            if (part.Length > 0)
            {
                line.Append(line.Length > 0 ? ", " : string.Empty).Append(part);
            }
        }

        return line.Length == 0 ? null : line.ToString();
    }
}
