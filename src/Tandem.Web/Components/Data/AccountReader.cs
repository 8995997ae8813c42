using Tandem.Connectors.Contract;
using Tandem.Domain.Contacts;
using Tandem.Web.Identity;
using Tandem.Web.Services.Accounts;

namespace Tandem.Web.Components.Data;

/// <summary>
/// Reads an account's schema and its first contacts for the wizard (field lists, value tables, previews).
/// Nothing read here is logged or stored.
/// </summary>
public sealed class AccountReader(AccountService accounts, ConnectorOpener opener)
{
    private const int SampleSize = 5;

    /// <summary>The app key of one of the owner's accounts.</summary>
    public async Task<string> AppOfAsync(Owner owner, string accountId, CancellationToken cancellationToken) =>
        (await accounts.GetAsync(owner, accountId, cancellationToken)).App;

    /// <exception cref="ConnectorException">The app refused or could not be read; the message says why.</exception>
    public async Task<AccountData> ReadAsync(Owner owner, string accountId, CancellationToken cancellationToken)
    {
        var account = await accounts.GetStoredAsync(owner, accountId, cancellationToken);
        await using var connector = opener.Open(account);
        var schema = await connector.GetSchemaAsync(cancellationToken);
        var samples = new List<ContactRecord>();
        await foreach (var page in connector.ListAllAsync(cancellationToken))
        {
            samples.AddRange(page.Records.Take(SampleSize));
            break;
        }

        return AccountData.Of(schema, samples);
    }
}
