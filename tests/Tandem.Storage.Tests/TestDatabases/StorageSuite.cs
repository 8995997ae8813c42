using Tandem.Domain.Configuration;
using Tandem.Storage.Accounts;
using Tandem.Storage.Connections;

namespace Tandem.Storage.Tests.TestDatabases;

/// <summary>The base of every suite that runs once per provider: each test gets its own fresh database.</summary>
public abstract class StorageSuite(ITestDatabaseFactory factory)
{
    protected const string PipedriveToken = "pd-secret-token-6f1c93";

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected Task<StorageFixture> CreateFixtureAsync() => StorageFixture.CreateAsync(factory, Ct);

    protected static Task<StoredAccount> AddAccountAsync(StorageFixture fixture, string app, string? ownerId = null) =>
        fixture.Accounts.AddAsync(
            new NewAccount(
                ownerId,
                app,
                $"{app} of Acme",
                new Dictionary<string, string> { ["region"] = "eu" },
                new Dictionary<string, string> { ["api_token"] = PipedriveToken }),
            Ct);

    /// <summary>Two accounts and a connection between them.</summary>
    protected static async Task<StoredConnection> AddConnectionAsync(StorageFixture fixture, string name = "CRM to address book", string? ownerId = null)
    {
        var a = await AddAccountAsync(fixture, "pipedrive", ownerId);
        var b = await AddAccountAsync(fixture, "google-contacts", ownerId);
        return await fixture.Connections.AddAsync(new NewConnection(ownerId, name, a.Id, b.Id, new ConnectionSettings()), Ct);
    }
}
