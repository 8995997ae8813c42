using System.Globalization;
using System.Text.Json.Nodes;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Workbooks.Internal;

/// <summary>
/// A person's employer is an organisation, linked by its id (<c>employer_link</c>; client library
/// <c>php/lead_task_example.php</c> creates the organisation, then the person with its id). For the employers a batch
/// writes: one read of <c>crm/organisations.api</c> by name (an IN, at most 50 names a call); the ids found are kept
/// for the connector's life, so a name is looked up once. Tandem does not create organisations: a create whose answer
/// is lost cannot be told from one never made (organisations are not what Tandem syncs), so an employer Workbooks has
/// no organisation for is written as the person's employer name.
/// </summary>
internal sealed class EmployerLinks
{
    private const string Path = "crm/organisations.api";
    private const int NamesPerRead = 50;

    private readonly WorkbooksClient client;
    private readonly Dictionary<string, string> known = new(StringComparer.OrdinalIgnoreCase);

    public EmployerLinks(WorkbooksClient client)
    {
        this.client = client;
    }

    /// <summary>The organisation id of each name (any case) that names an organisation.</summary>
    public async Task<IReadOnlyDictionary<string, string>> IdsAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length > 0 && !known.ContainsKey(n)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var chunk in wanted.Chunk(NamesPerRead))
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

        return known;
    }
}
