using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Workbooks;

/// <summary>
/// The organisations of the demo database, which people name as their employer (<c>employer_link</c>): an id, a name,
/// a lock version, Tandem's or another client's reference. Guarded by the people's lock (<see cref="PeopleStore.Gate"/>),
/// since a person's write reads its employer here.
/// </summary>
internal sealed class OrganisationStore
{
    private readonly Dictionary<int, (string Name, int LockVersion, DateTimeOffset CreatedAt, string? Reference)> organisations = [];
    private int nextId = 201;

    /// <summary>Adds an organisation (callers hold the people's lock) and returns its id.</summary>
    public int AddLocked(string name, DateTimeOffset at, string? reference)
    {
        var id = nextId++;
        organisations[id] = (name, 0, at, reference);
        return id;
    }

    public string? NameLocked(int id) => organisations.TryGetValue(id, out var organisation) ? organisation.Name : null;

    /// <summary>The id of the first organisation with this name (any case), or null.</summary>
    public int? IdLocked(string name) =>
        organisations.Where(o => string.Equals(o.Value.Name, name, StringComparison.OrdinalIgnoreCase)).Select(o => (int?)o.Key).FirstOrDefault();

    /// <summary>The organisations as <c>crm/organisations.api</c> renders them, lowest id first.</summary>
    public IEnumerable<JsonObject> RenderLocked() => organisations.OrderBy(o => o.Key).Select(o => Render(o.Key));

    public JsonObject Render(int id)
    {
        var (name, lockVersion, createdAt, reference) = organisations[id];
        return new JsonObject
        {
            ["id"] = id,
            ["lock_version"] = lockVersion,
            ["name"] = name,
            ["type"] = "Private::Crm::Organisation",
            ["created_at"] = WorkbooksFormats.DateTime(createdAt),
            ["updated_at"] = WorkbooksFormats.DateTime(createdAt),
            ["created_through_reference"] = reference,
            ["is_deleted"] = false,
        };
    }
}
