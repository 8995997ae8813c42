namespace Tandem.Formats.VCard.Cards;

/// <summary>One parameter of a content line (<c>TYPE=work,home</c>), its values unquoted and caret-decoded.</summary>
/// <param name="Name">The parameter name as written in the file.</param>
/// <param name="Values">The values, in file order.</param>
public sealed record VCardParameter(string Name, IReadOnlyList<string> Values)
{
    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);
}
