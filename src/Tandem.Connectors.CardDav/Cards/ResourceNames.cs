using System.Text;

namespace Tandem.Connectors.CardDav.Cards;

/// <summary>The resource name of a card Tandem creates: the client reference made safe, then numbered variants.</summary>
internal static class ResourceNames
{
    private const int MaxStemLength = 120;

    public static IEnumerable<string> CandidatesFor(string clientReference)
    {
        var stem = StemFor(clientReference);
        yield return stem + ".vcf";
        for (var n = 2; n <= 20; n++)
        {
            yield return $"{stem}-{n}.vcf";
        }
    }

    private static string StemFor(string clientReference)
    {
        var sb = new StringBuilder();
        foreach (var c in clientReference.Trim())
        {
            if (sb.Length == MaxStemLength)
            {
                break;
            }

            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return sb.Length == 0 ? "contact" : sb.ToString();
    }
}
