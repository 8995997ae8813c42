using System.Globalization;
using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Workbooks.Internal;

/// <summary>
/// A person's employer is an organisation, linked by its id (<c>employer_link</c>; client library
/// <c>php/lead_task_example.php</c> creates the organisation, then the person with its id). For the employers a batch
/// writes: one read of <c>crm/organisations.api</c> by name (an IN, at most 50 names a call); the ids found are kept
/// for the connector's life, so a name is looked up once. An employer Workbooks has no organisation for is created, as
/// the client library's example does, in one square array per 100 names (<c>created_through_reference</c> says Tandem
/// made it). A create whose answer is lost is never sent again blindly: the names are looked up again first, so an
/// organisation that was made is found and linked, and one that was not is written as the person's employer name this
/// time and created by a later batch — never twice.
/// </summary>
internal sealed class EmployerLinks
{
    private const string Path = "crm/organisations.api";
    private const int NamesPerRead = 50;

    /// <summary>What <c>created_through_reference</c> says of an organisation Tandem made for an employer.</summary>
    private const string Reference = "Tandem: employer of a synced person";

    private readonly WorkbooksClient client;
    private readonly Dictionary<string, string> known = new(StringComparer.OrdinalIgnoreCase);

    public EmployerLinks(WorkbooksClient client)
    {
        this.client = client;
    }

    /// <summary>The organisation id of each name (any case): found, or created when Workbooks has none of that name.</summary>
    public async Task<IReadOnlyDictionary<string, string>> IdsAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length > 0 && !known.ContainsKey(n)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        await LookUpAsync(wanted, cancellationToken).ConfigureAwait(false);
        var missing = wanted.Where(n => !known.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            await CreateAsync(missing, cancellationToken).ConfigureAwait(false);
        }

        return known;
    }

    private async Task LookUpAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        foreach (var chunk in names.Chunk(NamesPerRead))
        {
            var form = new WorkbooksForm().Filter("name", "eq", WorkbooksForm.AnyOf(chunk))
                .Add("_select_columns[]", "id").Add("_select_columns[]", "name")
                .Add("_sort", "id").Add("_dir", "ASC")
                .Page(0, PeopleWrites.MaxObjects);
            foreach (var row in (await client.ReadAsync(Path, form, cancellationToken).ConfigureAwait(false)).OfType<JsonObject>())
            {
                // Several organisations may share a name: the oldest is the employer, as a user picking by name would find it first.
                if (JsonFields.Text(row, "name") is { } name && JsonFields.Int(row, "id") is { } id)
                {
                    known.TryAdd(name.Trim(), id.ToString(CultureInfo.InvariantCulture));
                }
            }
        }
    }

    private async Task CreateAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        foreach (var chunk in names.Chunk(PeopleWrites.MaxObjects))
        {
            var form = new WorkbooksForm().Add("_per_object_transactions", "true").Add("_fm", "or").Filter("id", "eq", "0");
            foreach (var name in chunk)
            {
                form.Add("__method[]", "POST").Add("id[]", "0").Add("lock_version[]", "0").Add("name[]", name).Add("created_through_reference[]", Reference);
            }

            JsonObject answer;
            try
            {
                answer = await client.WriteAsync(Path, form, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectorException ex) when (!ex.IsAuthorizationFailure)
            {
                if (ex is OutcomeUnknownException or ApiErrorException { Status: >= 500 })
                {
                    // Made or not, unknown: what Workbooks now has decides, and a name it lacks waits for a later batch.
                    await LookUpAsync(chunk, cancellationToken).ConfigureAwait(false);
                }

                // Refused (no right to create organisations, say): the people keep their employer as a name.
                continue;
            }

            var affected = answer["affected_objects"] as JsonArray ?? [];
            var information = answer["affected_object_information"] as JsonArray ?? [];
            for (var i = 0; i < chunk.Length && i < affected.Count; i++)
            {
                if (information.ElementAtOrDefault(i) is JsonObject info && info["success"] is JsonValue ok && ok.TryGetValue<bool>(out var success) && success
                    && JsonFields.Int(affected[i] as JsonObject, "id") is { } id and > 0)
                {
                    known.TryAdd(chunk[i], id.ToString(CultureInfo.InvariantCulture));
                }
            }
        }
    }
}
