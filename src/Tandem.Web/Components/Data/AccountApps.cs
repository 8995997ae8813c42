using Tandem.Storage.Connections;
using Tandem.Web.Identity;
using Tandem.Web.Services.Catalog;

namespace Tandem.Web.Components.Data;

/// <summary>The apps and data of a stored connection's two accounts, for editing it.</summary>
public sealed record AccountApps(AppView AppA, AppView AppB, AccountData DataA, AccountData DataB)
{
    public static async Task<AccountApps> OfAsync(Owner owner, StoredConnection connection, AppCatalogService catalog, AccountReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(reader);
        var a = reader.ReadAsync(owner, connection.AccountAId, cancellationToken);
        var b = reader.ReadAsync(owner, connection.AccountBId, cancellationToken);
        var dataA = await a;
        var dataB = await b;
        var accountA = await reader.AppOfAsync(owner, connection.AccountAId, cancellationToken);
        var accountB = await reader.AppOfAsync(owner, connection.AccountBId, cancellationToken);
        return new AccountApps(catalog.Get(accountA), catalog.Get(accountB), dataA, dataB);
    }
}
