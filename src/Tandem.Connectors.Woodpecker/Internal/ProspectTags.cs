namespace Tandem.Connectors.Woodpecker.Internal;

/// <summary>
/// Tags as Woodpecker keeps them: one string of <c>#TAG</c> words (<c>"#VC #SECONDARYEMAIL"</c>). A word cannot hold a
/// space, so a tag's spaces are written as underscores and read back as spaces ("Tandem Unsubscribes" is
/// <c>#Tandem_Unsubscribes</c>).
/// </summary>
internal static class ProspectTags
{
    public static IEnumerable<string> Read(string? text) =>
        (text ?? string.Empty).Split([' ', '\t', '\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.TrimStart('#').Replace('_', ' ').Trim())
            .Where(t => t.Length > 0);

    public static string Write(IEnumerable<string> tags) =>
        string.Join(' ', tags.Select(t => "#" + string.Join('_', t.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
}
