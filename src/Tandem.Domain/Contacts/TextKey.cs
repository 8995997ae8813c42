using System.Text;

namespace Tandem.Domain.Contacts;

/// <summary>
/// The comparable form of a name or company: trimmed, Unicode-composed (see <see cref="LatinComposition"/>),
/// lower-cased, and every run of spaces one space, so "Ann  Lee" and " ann lee" are the same.
/// </summary>
public static class TextKey
{
    /// <summary>The key of a text, or null when it is blank.</summary>
    public static string? Normalize(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var composed = LatinComposition.Compose(trimmed).ToLowerInvariant();
        var key = new StringBuilder(composed.Length);
        foreach (var c in composed)
        {
            if (!char.IsWhiteSpace(c))
            {
                key.Append(c);
            }
            else if (key[^1] != ' ')
            {
                key.Append(' ');
            }
        }

        return key.ToString();
    }
}
