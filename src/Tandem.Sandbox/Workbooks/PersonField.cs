namespace Tandem.Sandbox.Workbooks;

/// <summary>
/// One field of <c>Private::Crm::Person</c> as <c>metadata/types.api</c> describes it: its column name, Workbooks data
/// type, title, and whether it can be written; a picklist field names its picklist.
/// </summary>
internal sealed record PersonField(string Name, string Datatype, string Title)
{
    public bool IsCreateable { get; init; } = true;

    public bool IsUpdateable { get; init; } = true;

    /// <summary>The picklist a <c>picklist_data</c> field selects from, or null.</summary>
    public int? PicklistId { get; init; }

    public bool IsCustom => Name.StartsWith("cf_", StringComparison.Ordinal);

    public bool IsWritable => IsCreateable || IsUpdateable;
}
