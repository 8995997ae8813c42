namespace Tandem.Domain.Mapping;

/// <summary>How one side holds a contact's name: first and last name fields, or one full-name field.</summary>
internal sealed record NameSide(string? FirstKey, string? LastKey, string? FullKey, bool IsReadOnly, string Label)
{
    public bool IsSplit => FirstKey is not null && LastKey is not null;

    /// <summary>The keys this side's name writes, for detecting two mappings filling the same field.</summary>
    public IEnumerable<string> ClaimKeys => IsSplit ? [FirstKey!, LastKey!] : [FullKey!];
}
