using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Pipedrive.Internal;

/// <summary>A Pipedrive custom person field: its 40-character key, type and options (option id → label).</summary>
internal sealed record CustomField(string Key, string Name, string PipedriveType, FieldType Type, IReadOnlyDictionary<int, string> Options);

/// <summary>
/// What a person's ids mean in one company: the custom person fields (from v2 <c>personFields</c>), the labels
/// (options of the label field) and the organizations' names. Loaded once per connector; organizations are
/// reloaded when an unknown id appears and created when a contact names a new one; a label a write needs and the
/// company lacks is added to the label field's options (Pipedrive's person labels are a custom field's options).
/// </summary>
internal sealed class CompanyDirectory
{
    private const string MarketingStatus = "marketing_status";

    private readonly PipedriveClient client;
    private readonly Dictionary<int, string> organizations = [];
    private readonly Dictionary<int, string> labels;
    private readonly string labelField;
    private readonly Lock gate = new();

    private CompanyDirectory(PipedriveClient client, IReadOnlyList<CustomField> custom, Dictionary<int, string> labels, string labelField)
    {
        this.client = client;
        Custom = custom.ToDictionary(c => c.Key, StringComparer.Ordinal);
        this.labels = labels;
        this.labelField = labelField;
    }

    public IReadOnlyDictionary<string, CustomField> Custom { get; }

    /// <summary>The name of a label id, or null for a label the company does not have (any more).</summary>
    public string? LabelName(int id)
    {
        lock (gate)
        {
            return labels.GetValueOrDefault(id);
        }
    }

    public static async Task<CompanyDirectory> LoadAsync(PipedriveClient client, CancellationToken cancellationToken)
    {
        var custom = new List<CustomField>();
        var labels = new Dictionary<int, string>();
        var labelField = "label_ids";
        var marketing = false;
        string? cursor = null;
        do
        {
            // v2 personFields: half the tokens of v1, whose support date has passed.
            var page = await client.GetAsync("api/v2/personFields?limit=500" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)), cancellationToken).ConfigureAwait(false);
            foreach (var field in (page["data"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var key = Json.Text(field, "field_code");
                var type = Json.Text(field, "field_type");
                if (key is null || type is null)
                {
                    continue;
                }

                var options = Options(field);
                if (key is "label" or "label_ids")
                {
                    labelField = key;
                    foreach (var (id, label) in options)
                    {
                        labels[id] = label;
                    }
                }
                else if (key == MarketingStatus)
                {
                    marketing = true;
                }
                else if ((field["is_custom_field"]?.GetValue<bool>() ?? key.Length == 40) && Map(type) is { } mapped)
                {
                    custom.Add(new CustomField(key, Json.Text(field, "field_name") ?? key, type, mapped, options));
                }
            }

            cursor = Json.Text(page["additional_data"] as JsonObject, "next_cursor");
        }
        while (cursor is not null);

        return new CompanyDirectory(client, custom, labels, labelField) { HasMarketingStatus = marketing };
    }

    /// <summary>
    /// The company has the Campaigns app, so its persons have <c>marketing_status</c> (the person fields list it): only
    /// then may a read ask for it or a write set it; otherwise Pipedrive refuses the request.
    /// </summary>
    public bool HasMarketingStatus { get; private init; }

    /// <summary>What every person read asks for beyond the defaults (<see cref="PipedriveSchema.IncludeFields"/>).</summary>
    public string IncludeFields => HasMarketingStatus ? PipedriveSchema.IncludeFields : PipedriveSchema.IncludeFieldsWithoutMarketing;

    /// <summary>The Tandem type of a Pipedrive field type, or null for types Tandem does not sync (time, org, people, …).</summary>
    public static FieldType? Map(string pipedriveType) => pipedriveType switch
    {
        "varchar" or "varchar_auto" or "text" => FieldType.Text,
        "double" or "int" => FieldType.Number,
        "monetary" => FieldType.Money,
        "date" => FieldType.Date,
        "daterange" => FieldType.DateRange,
        "enum" => FieldType.SingleChoice,
        "set" => FieldType.MultipleChoice,
        "user" => FieldType.OwnerReference,
        "phone" => FieldType.Phone,
        "address" => FieldType.Address,
        _ => null,
    };

    /// <summary>
    /// The id of a label by its name. Pipedrive shows a label as written and lets an admin make "VIP" beside "vip" (nothing
    /// in its documentation folds case), so names are compared as written.
    /// </summary>
    public int? LabelId(string name)
    {
        lock (gate)
        {
            return labels.Where(l => string.Equals(l.Value, name, StringComparison.Ordinal)).Select(l => (int?)l.Key).Min();
        }
    }

    /// <summary>
    /// Adds the labels the company lacks, in one call: v2 <c>POST /personFields/{field_code}/options</c> (atomic, answers
    /// only the new options; "person labels are custom fields", Pipedrive's labels guide). Blank names are left out.
    /// </summary>
    public async Task AddLabelsAsync(IEnumerable<string> names, ILogger logger, CancellationToken cancellationToken)
    {
        var missing = names.Select(n => n.Trim()).Where(n => n.Length is > 0 and <= 255 && LabelId(n) is null).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var body = new JsonArray(missing.Select(n => (JsonNode)new JsonObject { ["label"] = n }).ToArray());
        var answer = await client.PostAsync($"api/v2/personFields/{Uri.EscapeDataString(labelField)}/options", body, cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            foreach (var option in (answer["data"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (Json.Int(option, "id") is { } id && Json.Text(option, "label") is { } label)
                {
                    labels[id] = label;
                }
            }
        }

        PipedriveLog.LabelsCreated(logger, missing.Count);
    }

    /// <summary>The organization's name, reloading the organizations once when the id is new.</summary>
    public async Task<string?> OrganizationNameAsync(int id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (organizations.TryGetValue(id, out var known))
            {
                return known;
            }
        }

        await ReloadOrganizationsAsync(cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            return organizations.GetValueOrDefault(id);
        }
    }

    /// <summary>The id of the organization with this name, created when the company has none.</summary>
    public async Task<int> OrganizationIdAsync(string name, ILogger logger, CancellationToken cancellationToken)
    {
        if (Find(name) is { } id)
        {
            return id;
        }

        await ReloadOrganizationsAsync(cancellationToken).ConfigureAwait(false);
        if (Find(name) is { } reloaded)
        {
            return reloaded;
        }

        var created = await client.PostAsync("api/v2/organizations", new JsonObject { ["name"] = name }, cancellationToken).ConfigureAwait(false);
        var newId = Json.Int(created["data"] as JsonObject, "id") ?? throw new PipedriveApiException("Pipedrive created an organization without an id.");
        lock (gate)
        {
            organizations[newId] = name;
        }

        PipedriveLog.OrganizationCreated(logger, newId);
        return newId;
    }

    /// <summary>Loads the names of organizations that persons about to be read refer to.</summary>
    public async Task PrepareAsync(IEnumerable<JsonObject> persons, CancellationToken cancellationToken)
    {
        var missing = false;
        lock (gate)
        {
            missing = persons.Select(p => Json.Int(p, "org_id")).OfType<int>().Any(id => !organizations.ContainsKey(id));
        }

        if (missing)
        {
            await ReloadOrganizationsAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public string? KnownOrganizationName(int id)
    {
        lock (gate)
        {
            return organizations.GetValueOrDefault(id);
        }
    }

    private int? Find(string name)
    {
        lock (gate)
        {
            return organizations.Where(o => string.Equals(o.Value, name, StringComparison.OrdinalIgnoreCase)).Select(o => (int?)o.Key).Min();
        }
    }

    private async Task ReloadOrganizationsAsync(CancellationToken cancellationToken)
    {
        var loaded = new Dictionary<int, string>();
        string? cursor = null;
        do
        {
            var page = await client.GetAsync("api/v2/organizations?limit=500" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)), cancellationToken).ConfigureAwait(false);
            foreach (var org in (page["data"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (Json.Int(org, "id") is { } id && Json.Text(org, "name") is { } name)
                {
                    loaded[id] = name;
                }
            }

            cursor = Json.Text(page["additional_data"] as JsonObject, "next_cursor");
        }
        while (cursor is not null);
        lock (gate)
        {
            foreach (var (id, name) in loaded)
            {
                organizations[id] = name;
            }
        }
    }

    private static Dictionary<int, string> Options(JsonObject field)
    {
        var options = new Dictionary<int, string>();
        foreach (var option in (field["options"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Json.Int(option, "id") is { } id && Json.Text(option, "label") is { } label)
            {
                options[id] = label;
            }
        }

        return options;
    }
}
