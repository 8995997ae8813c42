using Tandem.Connectors.Contract;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Runtime.Hosting;
using Tandem.Web.Identity;
using Tandem.Web.Services.Accounts;
using Tandem.Web.Services.Catalog;
using Tandem.Web.Services.Errors;

namespace Tandem.Web.Services.Fields;

/// <summary>
/// Reads an account's fields from its app, with a preview value of each from a real contact (PRODUCT.md §3 step 7,
/// §5 variable matching), and creates a custom field where the app's connector can (<see cref="IFieldCreator"/>).
/// Nothing is cached: new fields appear when the user asks again.
/// </summary>
public sealed class FieldService(AccountService accounts, ConnectorOpener opener, AppCatalogService apps, TandemRuntime runtime)
{
    /// <summary>How long reading the schema may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public async Task<AccountFields> GetAsync(Owner owner, string accountId, CancellationToken cancellationToken)
    {
        var schema = await ReadAsync(owner, accountId, cancellationToken);
        return new AccountFields(
            schema.Account.Id,
            schema.Account.App,
            schema.Schema.Fields.Select(f => ToView(f, schema.Sample)).ToList(),
            schema.CreatableTypes);
    }

    /// <summary>
    /// Creates a custom field in the account's app; the app's schema lists it from now on (read the fields again).
    /// </summary>
    /// <exception cref="NotFoundException">No such account of this owner.</exception>
    /// <exception cref="InvalidRequestException">The app cannot create fields, the request is wrong, or the app refused (the message says why); nothing was created.</exception>
    /// <exception cref="ConflictException">The app already has a field of that name.</exception>
    public async Task<FieldView> CreateAsync(Owner owner, string accountId, CreateFieldRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var account = await accounts.GetStoredAsync(owner, accountId, cancellationToken);
        var app = apps.DisplayName(account.App);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var connector = opener.Open(account);
            var creator = connector as IFieldCreator;
            var (label, type, options) = NewFieldCheck.Check(request, app, creator?.CreatableFieldTypes ?? []);
            var existing = await connector.GetSchemaAsync(timeout.Token);
            if (existing.Fields.Any(f => string.Equals(f.Label, label, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ConflictException($"{app} already has a field named “{label}”: choose it from the list, or give the new field another name.");
            }

            var field = await creator!.CreateFieldAsync(label, type, options, timeout.Token);

            // The next run reads the fields again, the new one with them.
            runtime.Schemas.Forget(account.Id);
            return ToView(field, []);
        }
        catch (Exception ex) when (Unreachable(ex, cancellationToken) is { } why)
        {
            throw new InvalidRequestException($"{app} did not create the field “{request.Label?.Trim()}”: {why}", ex);
        }
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

            // The user is looking at the app's fields as they are now ("Refresh fields"): the next run reads them too.
            runtime.Schemas.Forget(account.Id);
            IReadOnlyList<ContactRecord> sample = [];

            // A write-only app lists nothing: its fields have no preview values.
            if (!connector.Capabilities.IsWriteOnly)
            {
                await foreach (var page in connector.ListAllAsync(timeout.Token))
                {
                    sample = page.Records;
                    break;
                }
            }

            return new AccountSchema(account, schema, sample)
            {
                CreatableTypes = connector is IFieldCreator creator ? creator.CreatableFieldTypes : [],
                Capabilities = connector.Capabilities,
            };
        }
        catch (Exception ex) when (Unreachable(ex, cancellationToken) is { } why)
        {
            throw new InvalidRequestException($"The fields of account '{account.Name}' cannot be read: {why}", ex);
        }
    }

    /// <summary>What went wrong talking to the app, in words, or null for anything else.</summary>
    private static string? Unreachable(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        ConnectorException => exception.Message,
        HttpRequestException => $"the app could not be reached ({exception.Message}).",
        OperationCanceledException when !cancellationToken.IsCancellationRequested => $"the app did not answer within {Timeout.TotalSeconds:0} seconds.",
        _ => null,
    };

    private static FieldView ToView(FieldDefinition f, IReadOnlyList<ContactRecord> sample) =>
        new(f.Key, f.Label, f.Type, f.IsList, f.IsReadOnly, f.IsCustom, f.Role, f.Options, Preview(f.Key, sample));

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
