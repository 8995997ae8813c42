using System.Collections.Immutable;

namespace Tandem.Formats.VCard.Cards;

/// <summary>
/// One content line of a card (<c>item1.EMAIL;TYPE=work:a@b.c</c>). <see cref="RawValue"/> keeps the value
/// as escaped in the file; decoding depends on the property, so it is left to the caller.
/// </summary>
public sealed class VCardProperty
{
    public VCardProperty(string? group, string name, ImmutableArray<VCardParameter> parameters, string rawValue)
    {
        Group = group;
        Name = name;
        Parameters = parameters;
        RawValue = rawValue;
    }

    public string? Group { get; }

    /// <summary>The property name as written (compare with <see cref="Is"/>, names are case-insensitive).</summary>
    public string Name { get; }

    public ImmutableArray<VCardParameter> Parameters { get; }

    public string RawValue { get; }

    /// <summary>The 1-based line the property starts on, 0 for properties Tandem added.</summary>
    public int LineNumber { get; init; }

    /// <summary>
    /// The physical lines exactly as read. While a property is unchanged it is written back from these,
    /// so properties Tandem does not own survive an update untouched.
    /// </summary>
    public string? SourceText { get; init; }

    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every value of every parameter with this name (TYPE=a,b;TYPE=c gives a, b, c).</summary>
    public IEnumerable<string> ParameterValues(string name) =>
        Parameters.Where(p => p.Is(name)).SelectMany(p => p.Values);

    public VCardProperty WithValue(string rawValue) => new(Group, Name, Parameters, rawValue);

    public VCardProperty WithParameters(IEnumerable<VCardParameter> parameters) =>
        new(Group, Name, parameters.ToImmutableArray(), RawValue);

    public VCardProperty WithoutParameter(string name) => WithParameters(Parameters.Where(p => !p.Is(name)));
}
