using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Storage.Accounts;

namespace Tandem.Web.Services.Accounts;

/// <summary>
/// Opens an app's connector for an account's values (secrets decrypted in memory only), with the runtime's connector
/// context: the same clock, logging and network policy (the operator's <c>Tandem:AllowInternalUrls</c>, the sandbox
/// apps' exact addresses) as the sync workers.
/// </summary>
public sealed class ConnectorOpener(ConnectorCatalog catalog, ConnectorContext context)
{
    /// <exception cref="ConnectorException">The values are refused (a setting missing or malformed).</exception>
    public IContactConnector Open(string app, IReadOnlyDictionary<string, string> values) =>
        catalog.Get(app).Create(new AccountSettings(values), context);

    /// <summary>The app's form (its settings, which of them the app lists values for).</summary>
    public ConnectorDescriptor Descriptor(string app) => catalog.Get(app).Descriptor;

    /// <exception cref="ConnectorException">The stored values are refused.</exception>
    public IContactConnector Open(StoredAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Open(account.App, AccountValues.Merge(account.Settings, account.Secrets));
    }
}
