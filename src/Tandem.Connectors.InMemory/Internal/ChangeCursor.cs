using System.Globalization;

namespace Tandem.Connectors.InMemory.Internal;

/// <summary>The change-feed cursor: the sequence of the last change it covers, as a decimal string.</summary>
internal static class ChangeCursor
{
    public static string Format(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? cursor, out long sequence) =>
        long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
}
