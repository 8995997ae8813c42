namespace Tandem.Connectors.Http;

/// <summary>Puts an app's label ("the CardDAV server dav.example.com", "Pipedrive") at the start of a sentence.</summary>
internal static class Sentence
{
    public static string Capitalized(string label) =>
        label.Length == 0 || char.IsUpper(label[0]) ? label : char.ToUpperInvariant(label[0]) + label[1..];
}
