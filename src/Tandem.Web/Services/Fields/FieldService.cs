using Tandem.Connectors.Contract;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Web.Identity;
using Tandem.Web.Services.Accounts;
using Tandem.Web.Services.Errors;

namespace Tandem.Web.Services.Fields;

/// <summary>
/// Reads an account's fields from its app, with a preview value of each from a real contact (PRODUCT.md §3 step 7,
/// §5 variable matching). Nothing is cached: new fields appear when the user asks again.
/// </summary>
public sealed class FieldService(AccountService accounts, ConnectorOpener opener)
{
    /// <summary>How long reading the schema may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public async Task<AccountFields> GetAsync(Owner owner, string accountId, CancellationToken cancellationToken)
    {
        var schema = await ReadAsync(owner, accountId, cancellationToken);
        return new AccountFields(
            schema.Account.Id,
            schema.Account.App,
            schema.Schema.Fields.Select(f => new FieldView(f.Key, f.Label, f.Type, f.IsList, f.IsReadOnly, f.IsCustom, f.Role, f.Options, Preview(f.Key, schema.Sample))).ToList());
    }

    /// <summary>The account's expanded schema and a first page of contacts.</summary>
    /// <exception cref="NotFoundException">No such account of this owner.</exception>
    /// <exception cref="InvalidRequestException">The app could not be read; the message says why.</exception>
    public async Task<AccountSchema> ReadAsync(Owner owner, string accountId, CancellationToken cancellationToken)
    {
        var account = await accounts.GetStoredAsync(owner, accountId, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var connector = opener.Open(account);
            var schema = SchemaExpansion.Expand(await connector.GetSchemaAsync(timeout.Token));
            IReadOnlyList<ContactRecord> sample = [];
            await foreach (var page in connector.ListAllAsync(timeout.Token))
            {
                sample = page.Records;
                break;
            }

            return new AccountSchema(account, schema, sample);
        }
        catch (ConnectorException ex)
        {
            throw new InvalidRequestException($"The fields of account '{account.Name}' cannot be read: {ex.Message}", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new InvalidRequestException($"The fields of account '{account.Name}' cannot be read: the app could not be reached ({ex.Message}).", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidRequestException($"The fields of account '{account.Name}' cannot be read: the app did not answer within {Timeout.TotalSeconds:0} seconds.", ex);
        }
    }

    private static string? Preview(string key, IReadOnlyList<ContactRecord> sample)
    {
        // A compound part previews its whole field ("Budget/Currency" shows the budget).
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var fieldKey = slash > 0 && sample.All(r => r.Get(key) is null) ? key[..slash] : key;
        var value = sample.Select(r => r.Get(fieldKey)).FirstOrDefault(v => v is not null);
        return value switch
        {
            null => null,
            ListValue list => list.Items.Length > 1 ? $"{list.Primary.Text} (+{list.Items.Length - 1})" : list.Primary.Text,
            ScalarValue scalar => scalar.Text,
            _ => value.Canonical,
        };
    }
}
