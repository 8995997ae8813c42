using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Salesmate.Internal;

/// <summary>
/// What one connector learns of the account once: its custom contact fields (<c>GET apis/core/v4/fields</c>), the owner
/// of new contacts (the setting, else the first active user), and companies by name (found with a company search,
/// created when missing: a contact names its company by id).
/// </summary>
internal sealed class AccountDirectory
{
    /// <summary>The standard contact fields a listing shows besides the custom ones.</summary>
    public static readonly IReadOnlyList<string> StandardFields =
    [
        "firstName", "lastName", "name", "email", "mobile", "phone", "otherPhone", "company", "designation", "website",
        "currency", "owner", "tags", "linkedInHandle", "twitterHandle", "facebookHandle", "skypeId", "billingAddressLine1",
        "billingAddressLine2", "billingCity", "billingState", "billingZipCode", "billingCountry", "description", "lastModifiedAt",
    ];

    private static readonly HashSet<string> Standards = new(StandardFields, StringComparer.Ordinal) { "id", "createdAt" };

    private readonly SalesmateClient client;
    private readonly ILogger logger;
    private readonly Dictionary<string, int> companies = new(StringComparer.OrdinalIgnoreCase);
    private int? owner;

    private AccountDirectory(SalesmateClient client, IReadOnlyList<ContactField> custom, int? owner, ILogger logger)
    {
        this.client = client;
        this.owner = owner;
        this.logger = logger;
        Custom = custom;
    }

    public IReadOnlyList<ContactField> Custom { get; }

    /// <summary>The <c>displayingFields</c> of a full search: every standard and custom field, prefixed by the module.</summary>
    public JsonArray DisplayingFields() => new([.. StandardFields.Concat(Custom.Select(f => f.ApiName)).Select(f => (JsonNode)("contact." + f))]);

    public ContactField? Field(string key) => Custom.FirstOrDefault(f => f.Key == key);

    public static async Task<AccountDirectory> LoadAsync(SalesmateClient client, string? ownerSetting, ILogger logger, CancellationToken cancellationToken)
    {
        var fields = await client.GetAsync("apis/core/v4/fields?moduleName=Contact", cancellationToken).ConfigureAwait(false);
        var custom = (fields as JsonArray ?? []).OfType<JsonObject>()
            .Where(f => f["isCustomField"] is JsonValue c && c.TryGetValue<bool>(out var isCustom) && isCustom)
            .Select(f => new ContactField(
                JsonFields.Text(f, "fieldName") ?? string.Empty,
                JsonFields.Text(f, "displayName") ?? JsonFields.Text(f, "fieldName") ?? string.Empty,
                JsonFields.Text(f, "type") ?? string.Empty,
                [.. (f["options"] as JsonArray ?? []).Select(JsonFields.Text).OfType<string>()]))
            .Where(f => f.ApiName.Length > 0 && !Standards.Contains(f.ApiName))
            .ToList();
        var owner = ownerSetting is null ? (int?)null : int.Parse(ownerSetting, NumberStyles.None, CultureInfo.InvariantCulture);
        return new AccountDirectory(client, custom, owner, logger);
    }

    /// <summary>The owner of a new contact: the setting, else the account's first active user (Salesmate requires one).</summary>
    public async Task<int> OwnerAsync(CancellationToken cancellationToken)
    {
        if (owner is { } known)
        {
            return known;
        }

        var users = await client.GetAsync("apis/core/v4/users?status=active", cancellationToken).ConfigureAwait(false);
        owner = (users as JsonArray ?? []).OfType<JsonObject>().Select(u => JsonFields.Int(u, "id")).OfType<int>().DefaultIfEmpty(-1).Min();
        return owner >= 0 ? owner.Value : throw new ConnectorException("Salesmate lists no active user to own new contacts; set the owner of new contacts in the account's settings.");
    }

    /// <summary>The id of the company with this name, created (owned like new contacts) when the account has none.</summary>
    public async Task<int> CompanyIdAsync(string name, CancellationToken cancellationToken)
    {
        if (companies.TryGetValue(name, out var known))
        {
            return known;
        }

        var search = new JsonObject
        {
            ["displayingFields"] = new JsonArray("company.name"),
            ["filterQuery"] = new JsonObject
            {
                ["group"] = new JsonObject
                {
                    ["operator"] = "AND",
                    ["rules"] = new JsonArray(new JsonObject { ["moduleName"] = "Company", ["field"] = new JsonObject { ["fieldName"] = "name" }, ["condition"] = "EQUALS", ["data"] = name }),
                },
            },
            ["moduleId"] = 5,
            ["reportType"] = "get_data",
            ["sort"] = new JsonObject { ["fieldName"] = "id", ["order"] = "asc" },
        };
        var found = await client.SearchAsync("company", search, 1, 0, listing: false, cancellationToken).ConfigureAwait(false);
        if (found.Select(c => JsonFields.Int(c, "id")).FirstOrDefault() is not { } id)
        {
            var created = await client.PostAsync("apis/company/v4", new JsonObject { ["name"] = name, ["owner"] = await OwnerAsync(cancellationToken).ConfigureAwait(false) }, cancellationToken).ConfigureAwait(false);
            id = JsonFields.Int(created as JsonObject, "id") ?? throw new ConnectorException("Salesmate created the company but did not say its id.");
            SalesmateLog.CompanyCreated(logger, id);
        }

        companies[name] = id;
        return id;
    }
}
