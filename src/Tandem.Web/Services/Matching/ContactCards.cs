using Tandem.Connectors.Contract;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Engine.Snapshots;
using Tandem.Storage.Accounts;
using Tandem.Web.Services.Accounts;

namespace Tandem.Web.Services.Matching;

/// <summary>
/// Describes contacts from their stored snapshots by the roles of their app's fields (name, emails, phones,
/// company), so two contacts of two apps can be shown side by side. When the app's fields cannot be read, a
/// card holds only the id.
/// </summary>
public sealed class ContactCards(ConnectorOpener opener)
{
    /// <summary>How long reading the schema may take before the contacts are shown by id only.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>A function that makes a card from a record's id and snapshot.</summary>
    public async Task<Func<string, string?, ContactCard>> ForAsync(StoredAccount? account, CancellationToken cancellationToken)
    {
        var schema = account is null ? null : await SchemaAsync(account, cancellationToken);
        return (recordId, snapshot) => schema is null || snapshot is null
            ? new ContactCard(recordId, null, [], [], null)
            : CardOf(RecordSnapshot.Deserialize(recordId, null, snapshot), schema);
    }

    private async Task<AppSchema?> SchemaAsync(StoredAccount account, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var connector = opener.Open(account);
            return await connector.GetSchemaAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The pair is still listed; the account page says why the app cannot be read.
            return null;
        }
    }

    private static ContactCard CardOf(ContactRecord record, AppSchema schema)
    {
        var name = string.Join(' ', new[] { FieldRole.FirstName, FieldRole.LastName }.SelectMany(r => Texts(record, schema, r)));
        return new ContactCard(
            record.Id,
            string.IsNullOrWhiteSpace(name) ? Texts(record, schema, FieldRole.FullName).FirstOrDefault() : name,
            [.. Texts(record, schema, FieldRole.Emails)],
            [.. Texts(record, schema, FieldRole.Phones)],
            Texts(record, schema, FieldRole.Company).FirstOrDefault());
    }

    private static IEnumerable<string> Texts(ContactRecord record, AppSchema schema, FieldRole role)
    {
        var values = schema.FindRole(role) is { } field ? record.Get(field.Key) switch
        {
            ListValue list => list.Items.Select(i => i.Value.Text),
            ScalarValue scalar => [scalar.Text],
            _ => [],
        } : [];
        return values.Select(v => v.Trim()).Where(v => v.Length > 0);
    }
}
