namespace Tandem.Formats.VCard.Cards;

/// <summary>
/// A parsed card: every property between BEGIN and END, in file order, unknown ones included, so an
/// update can rewrite only what Tandem owns.
/// </summary>
public sealed class VCardCard
{
    public VCardCard(IEnumerable<VCardProperty> properties, string lineBreak = "\r\n")
    {
        Properties = properties.ToList();
        LineBreak = lineBreak;
    }

    /// <summary>The properties (VERSION included, BEGIN and END excluded), in file order.</summary>
    public List<VCardProperty> Properties { get; }

    /// <summary>The line break the file uses; kept so untouched lines stay byte-identical.</summary>
    public string LineBreak { get; }

    /// <summary>The BEGIN and END lines as read (their case is kept).</summary>
    public string BeginText { get; init; } = "BEGIN:VCARD";

    public string EndText { get; init; } = "END:VCARD";

    /// <summary>The card's VERSION; a card without one is read as 3.0, the most tolerant choice.</summary>
    public string Version => Find("VERSION")?.RawValue.Trim() ?? "3.0";

    public bool IsVersion4 => Version.StartsWith('4');

    public VCardProperty? Find(string name) => Properties.Find(p => p.Is(name));

    public IEnumerable<VCardProperty> FindAll(string name) => Properties.Where(p => p.Is(name));

    public int RemoveAll(string name) => Properties.RemoveAll(p => p.Is(name));

    /// <summary>Replaces the first property with this name, or appends the new one.</summary>
    public void SetFirst(string name, VCardProperty property)
    {
        var index = Properties.FindIndex(p => p.Is(name));
        if (index < 0)
        {
            Properties.Add(property);
        }
        else
        {
            Properties[index] = property;
        }
    }

    public static VCardCard CreateVersion4() =>
        new([new VCardProperty(null, "VERSION", [], "4.0")]);
}
