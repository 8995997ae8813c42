namespace Tandem.Sandbox.Wooxy;

/// <summary>A contact list of the account's domain: its custom variables (name and type) and its contacts.</summary>
internal sealed class StoredList(string id, string name, bool isDefault)
{
    public string Id => id;

    public string Name => name;

    public bool IsDefault => isDefault;

    /// <summary>Custom variables by name, with their type as the API lists it ("string", "date").</summary>
    public Dictionary<string, string> CustomVariables { get; } = new(StringComparer.Ordinal);

    public List<StoredContact> Contacts { get; } = [];

    public StoredContact? Find(string identifier) => Contacts.FirstOrDefault(c => c.IsKnownAs(identifier));
}
