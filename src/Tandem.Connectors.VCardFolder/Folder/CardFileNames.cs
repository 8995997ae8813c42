using System.Text;

namespace Tandem.Connectors.VCardFolder.Folder;

/// <summary>Which file names are cards, and the file name of a card Tandem creates.</summary>
internal static class CardFileNames
{
    public const string Extension = ".vcf";

    private const int MaxStemLength = 200;

    /// <summary>
    /// A card is a visible <c>.vcf</c> file directly in the folder. Dotfiles are skipped: that is where
    /// Tandem (and vdirsyncer) keep temporary files, which must never be read as half-written cards.
    /// </summary>
    public static bool IsCard(string fileName) =>
        fileName.Length > Extension.Length
        && fileName[0] != '.'
        && fileName.EndsWith(Extension, StringComparison.OrdinalIgnoreCase)
        && fileName.IndexOfAny(['/', '\\', '\0']) < 0;

    /// <summary>
    /// The stem of a new card's file: the client reference with anything outside a safe set replaced, so a
    /// reference can never name a path outside the folder or a hidden file.
    /// </summary>
    public static string StemFor(string clientReference)
    {
        var sb = new StringBuilder(Math.Min(clientReference.Length, MaxStemLength));
        foreach (var c in clientReference.Trim())
        {
            if (sb.Length == MaxStemLength)
            {
                break;
            }

            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@' or '+' ? c : '_');
        }

        if (sb.Length > 0 && sb[0] == '.')
        {
            sb[0] = '_';
        }

        return sb.Length == 0 ? "contact" : sb.ToString();
    }

    /// <summary>Candidate names for a new card: the stem, then numbered variants if a different card took it.</summary>
    public static IEnumerable<string> CandidatesFor(string clientReference)
    {
        var stem = StemFor(clientReference);
        yield return stem + Extension;
        for (var n = 2; n <= 100; n++)
        {
            yield return $"{stem}-{n}{Extension}";
        }
    }
}
