using System.Text.Json.Nodes;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Pipeliner.Internal;

/// <summary>
/// What a space's contacts refer to: its custom Contact fields (<c>entities/Fields</c>), its users (<c>entities/Clients</c>)
/// and its sales units (<c>entities/SalesUnits</c>), read once per connector: three calls.
/// </summary>
internal sealed class SpaceDirectory
{
    private SpaceDirectory(IReadOnlyList<CustomField> custom, IReadOnlyDictionary<string, string> clients, IReadOnlyDictionary<string, string> clientEmails, IReadOnlyDictionary<string, string> units)
    {
        Custom = custom;
        Clients = clients;
        ClientEmails = clientEmails;
        Units = units;
    }

    public IReadOnlyList<CustomField> Custom { get; }

    /// <summary>Users by id: their names.</summary>
    public IReadOnlyDictionary<string, string> Clients { get; }

    /// <summary>Users by id: their emails (sign-in names), where Pipeliner gives them.</summary>
    public IReadOnlyDictionary<string, string> ClientEmails { get; }

    /// <summary>Sales units by id: their names.</summary>
    public IReadOnlyDictionary<string, string> Units { get; }

    public CustomField? Find(string apiName) => Custom.FirstOrDefault(c => c.ApiName == apiName);

    public static async Task<SpaceDirectory> LoadAsync(PipelinerClient client, CancellationToken cancellationToken)
    {
        var fields = await AllAsync(client, "entities/Fields", cancellationToken).ConfigureAwait(false);
        var custom = fields
            .Where(f => JsonFields.Text(f, "entity_name") == "Contact" && f["is_deleted"]?.GetValue<bool>() != true)
            .Select(f => (Field: f, Api: JsonFields.Text(f, "api_name"), Type: CustomField.TypeOf(JsonFields.Text(f, "type_id") ?? string.Empty)))
            .Where(f => f.Api is not null && f.Api.StartsWith(PipelinerFieldKeys.CustomPrefix, StringComparison.Ordinal) && f.Type is not null)
            .Select(f => new CustomField(f.Api!, JsonFields.Text(f.Field, "name") ?? f.Api!, JsonFields.Text(f.Field, "type_id")!, f.Type!.Value, Options(f.Field)))
            .ToList();
        var users = (await AllAsync(client, "entities/Clients", cancellationToken).ConfigureAwait(false))
            .Where(c => JsonFields.Text(c, "id") is not null && c["is_deleted"]?.GetValue<bool>() != true)
            .ToList();
        var clients = users.ToDictionary(c => JsonFields.Text(c, "id")!, c => JsonFields.Text(c, "formatted_name") ?? JsonFields.Text(c, "name") ?? JsonFields.Text(c, "id")!, StringComparer.Ordinal);
        var emails = users.Where(c => JsonFields.Text(c, "email") is not null).ToDictionary(c => JsonFields.Text(c, "id")!, c => JsonFields.Text(c, "email")!, StringComparer.Ordinal);
        var units = (await AllAsync(client, "entities/SalesUnits", cancellationToken).ConfigureAwait(false))
            .Where(u => JsonFields.Text(u, "id") is not null && u["is_deleted"]?.GetValue<bool>() != true)
            .ToDictionary(u => JsonFields.Text(u, "id")!, u => JsonFields.Text(u, "name") ?? JsonFields.Text(u, "id")!, StringComparer.Ordinal);
        return new SpaceDirectory(custom, clients, emails, units);
    }

    /// <summary>The id of a sales unit, by its name or its id.</summary>
    public string? UnitId(string nameOrId) =>
        Units.ContainsKey(nameOrId) ? nameOrId : Units.FirstOrDefault(u => string.Equals(u.Value, nameOrId, StringComparison.OrdinalIgnoreCase)).Key;

    /// <summary>The id of a user, by its id, its name or its email.</summary>
    public string? ClientId(string nameOrId) =>
        Clients.ContainsKey(nameOrId) ? nameOrId
        : Clients.FirstOrDefault(c => string.Equals(c.Value, nameOrId, StringComparison.OrdinalIgnoreCase)).Key
            ?? ClientEmails.FirstOrDefault(c => string.Equals(c.Value, nameOrId, StringComparison.OrdinalIgnoreCase)).Key;

    private static Dictionary<string, string> Options(JsonObject field) =>
        JsonFields.Items(field, "data_set")
            .Where(o => JsonFields.Text(o, "id") is not null)
            .ToDictionary(o => JsonFields.Text(o, "id")!, o => JsonFields.Text(o, "option_name") ?? JsonFields.Text(o, "value") ?? JsonFields.Text(o, "id")!, StringComparer.Ordinal);

    private static async Task<List<JsonObject>> AllAsync(PipelinerClient client, string entity, CancellationToken cancellationToken)
    {
        var items = new List<JsonObject>();
        string? after = null;
        do
        {
            var page = await client.ListPageAsync(entity + "?first=100" + (after is null ? string.Empty : "&after=" + Uri.EscapeDataString(after)), cancellationToken).ConfigureAwait(false);
            var read = ContactPage.Read(page, entity);
            items.AddRange(read.Items);
            after = read.Next;
        }
        while (after is not null);
        return items;
    }
}
