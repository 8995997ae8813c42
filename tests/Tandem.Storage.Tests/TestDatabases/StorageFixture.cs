using Microsoft.Extensions.Time.Testing;
using Tandem.Storage.Accounts;
using Tandem.Storage.Connections;
using Tandem.Storage.Secrets;

namespace Tandem.Storage.Tests.TestDatabases;

/// <summary>A migrated, empty database with the stores over it, fake time and a random master key.</summary>
public sealed class StorageFixture : IAsyncDisposable
{
    private readonly Func<Task> _dropAsync;

    private StorageFixture(TandemDatabase database, DatabaseOptions options, Func<Task> dropAsync)
    {
        Database = database;
        Options = options;
        _dropAsync = dropAsync;
        Protector = new SecretProtector(MasterKey);
        Accounts = new AccountStore(database, Protector, Time);
        Connections = new ConnectionStore(database, Time);
    }

    public static DateTimeOffset Start { get; } = new(2025, 3, 14, 15, 9, 26, TimeSpan.Zero);

    public TandemDatabase Database { get; }

    public DatabaseOptions Options { get; }

    public byte[] MasterKey { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public FakeTimeProvider Time { get; } = new(Start);

    public SecretProtector Protector { get; }

    public AccountStore Accounts { get; }

    public ConnectionStore Connections { get; }

    public static async Task<StorageFixture> CreateAsync(ITestDatabaseFactory factory, CancellationToken cancellationToken)
    {
        var (options, dropAsync) = await factory.CreateEmptyAsync(cancellationToken);
        var database = await TandemDatabase.OpenAsync(options, cancellationToken);
        var fixture = new StorageFixture(database, options, dropAsync);
        try
        {
            await database.MigrateAsync(cancellationToken);
            return fixture;
        }
        catch
        {
            await fixture.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Protector.Dispose();
        await Database.DisposeAsync();
        await _dropAsync();
    }
}
