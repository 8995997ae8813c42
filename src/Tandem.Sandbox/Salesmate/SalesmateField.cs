namespace Tandem.Sandbox.Salesmate;

/// <summary>
/// One contact field as the fields call lists it: its API name, the label users see, its type (<c>Text</c>,
/// <c>TextArea</c>, <c>Email</c>, <c>Phone</c>, <c>Url</c>, <c>Number</c>, <c>Decimal</c>, <c>Date</c>, <c>Select</c>,
/// <c>MultiSelect</c>, <c>Checkbox</c>, <c>Lookup</c>), whether an admin added it, and a select's options.
/// </summary>
internal sealed record SalesmateField(string Name, string Label, string Type, bool IsCustom = false, IReadOnlyList<string>? Options = null)
{
    public IReadOnlyList<string> Choices => Options ?? [];
}
