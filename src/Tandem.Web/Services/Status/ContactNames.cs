using Tandem.Connectors.Contract;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Engine.Snapshots;
using Tandem.Storage.Accounts;
using Tandem.Web.Services.Accounts;

namespace Tandem.Web.Services.Status;

/// <summary>
/// Names contacts from what Tandem last saw of them (the stored snapshot) and the name fields of their app's
/// schema: first and last name joined, else the full name. The names are the user's own data: show, never log.
/// </summary>
public sealed class ContactNames(ConnectorOpener opener)
{
    /// <summary>How long reading the schema may take before the contacts are shown without names.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>A function that names a contact from its snapshot, or gives null when the app's name fields cannot be read.</summary>
    public async Task<Func<string, string?, string?>> ForAsync(StoredAccount? account, CancellationToken cancellationToken)
    {
        var fields = account is null ? null : await NameFieldsAsync(account, cancellationToken);
        return (recordId, snapshot) => fields is null || snapshot is null ? null : NameOf(RecordSnapshot.Deserialize(recordId, null, snapshot), fields.Value);
    }

    private async Task<(string? First, string? Last, string? Full)?> NameFieldsAsync(StoredAccount account, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var connector = opener.Open(account);
            var schema = await connector.GetSchemaAsync(timeout.Token);
            return (schema.FindRole(FieldRole.FirstName)?.Key, schema.FindRole(FieldRole.LastName)?.Key, schema.FindRole(FieldRole.FullName)?.Key);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The contacts are still listed, by email; the account page says why the app cannot be read.
            return null;
        }
    }

    private static string? NameOf(ContactRecord record, (string? First, string? Last, string? Full) fields)
    {
        var parts = new[] { fields.First, fields.Last }.Where(k => k is not null).Select(k => Text(record, k!)).Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        if (parts.Count > 0)
        {
            return string.Join(' ', parts);
        }

        return fields.Full is { } full && Text(record, full) is { Length: > 0 } name ? name : null;
    }

    private static string? Text(ContactRecord record, string key) => record.Get(key) is ScalarValue scalar ? scalar.Text.Trim() : null;
}
