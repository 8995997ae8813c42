using System.Text;

namespace Tandem.Formats.VCard.Cards;

/// <summary>
/// Writes a card: unchanged properties from their source lines, changed and new ones serialised and
/// folded at 75 octets. Always ends with a line break.
/// </summary>
public static class VCardWriter
{
    public static string Write(VCardCard card)
    {
        var sb = new StringBuilder();
        var lineBreak = card.LineBreak;
        sb.Append(card.BeginText).Append(lineBreak);
        foreach (var property in card.Properties)
        {
            sb.Append(property.SourceText ?? VCardFolding.Fold(Serialize(property, card.IsVersion4), lineBreak)).Append(lineBreak);
        }

        sb.Append(card.EndText).Append(lineBreak);
        return sb.ToString();
    }

    /// <summary>The unfolded content line of a property.</summary>
    internal static string Serialize(VCardProperty property, bool version4)
    {
        var sb = new StringBuilder();
        if (property.Group is not null)
        {
            sb.Append(property.Group).Append('.');
        }

        sb.Append(property.Name);
        foreach (var parameter in property.Parameters)
        {
            sb.Append(';').Append(parameter.Name).Append('=');
            sb.AppendJoin(',', parameter.Values.Select(v => ParameterValue(v, version4)));
        }

        return sb.Append(':').Append(property.RawValue).ToString();
    }

    private static string ParameterValue(string value, bool version4)
    {
        // 4.0 has caret encoding (RFC 6868) for quotes and newlines; 3.0 cannot express them, so they are dropped.
        var encoded = version4
            ? value.Replace("^", "^^", StringComparison.Ordinal).Replace("\"", "^'", StringComparison.Ordinal).Replace("\n", "^n", StringComparison.Ordinal)
            : value.Replace("\"", string.Empty, StringComparison.Ordinal).Replace('\n', ' ');
        return encoded.AsSpan().IndexOfAny(":;,") >= 0 ? "\"" + encoded + "\"" : encoded;
    }
}
