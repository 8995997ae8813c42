using Microsoft.Data.Sqlite;
using Tandem.Storage.Accounts;
using Tandem.Storage.Secrets;

namespace Tandem.Storage.Tests.Secrets;

public sealed class KeyFileRotationTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "tandem-rotation-tests", Guid.NewGuid().ToString("N"));
    private TandemDatabase database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string KeyFile => Path.Combine(folder, "tandem.key");

    public async ValueTask InitializeAsync()
    {
        database = await TandemDatabase.OpenAsync(new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "tandem.db")}" }, Ct);
        await database.MigrateAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task After_rotation_every_secret_opens_with_the_new_key_file_and_none_with_the_old_key()
    {
        var ids = new List<string>();
        using (var before = SecretProtector.FromEnvironmentOrKeyFile(KeyFile, NoEnvironment))
        {
            var store = new AccountStore(database, before, TimeProvider.System);
            for (var i = 0; i < 3; i++)
            {
                ids.Add((await store.AddAsync(new NewAccount(null, "pipedrive", $"Company {i}", new Dictionary<string, string>(), new Dictionary<string, string> { ["apiToken"] = $"token-{i}", ["password"] = $"pw-{i}" }), Ct)).Id);
            }
        }

        var oldKey = File.ReadAllText(KeyFile);

        var rotated = await KeyFileRotation.RotateAsync(database, KeyFile, NoEnvironment, Ct);

        Assert.Equal(3, rotated);
        Assert.NotEqual(oldKey, File.ReadAllText(KeyFile));
        Assert.False(File.Exists(KeyFile + ".new"));
        using var after = SecretProtector.FromEnvironmentOrKeyFile(KeyFile, NoEnvironment);
        var reopened = new AccountStore(database, after, TimeProvider.System);
        for (var i = 0; i < 3; i++)
        {
            var account = await reopened.GetAsync(ids[i], Ct);
            Assert.Equal(new Dictionary<string, string> { ["apiToken"] = $"token-{i}", ["password"] = $"pw-{i}" }, account!.Secrets);
        }

        using var old = new SecretProtector(Convert.FromBase64String(oldKey.Trim()));
        await Assert.ThrowsAsync<SecretDecryptionException>(() => new AccountStore(database, old, TimeProvider.System).GetAsync(ids[0], Ct));
    }

    [Fact]
    public async Task A_secret_the_current_key_cannot_open_stops_the_rotation_and_changes_nothing()
    {
        using (var other = new SecretProtector(new byte[32]))
        {
            await new AccountStore(database, other, TimeProvider.System).AddAsync(new NewAccount(null, "pipedrive", "Other key", new Dictionary<string, string>(), new Dictionary<string, string> { ["apiToken"] = "x" }), Ct);
        }

        using (SecretProtector.FromEnvironmentOrKeyFile(KeyFile, NoEnvironment))
        {
        }

        var key = File.ReadAllText(KeyFile);

        await Assert.ThrowsAsync<SecretDecryptionException>(() => KeyFileRotation.RotateAsync(database, KeyFile, NoEnvironment, Ct));

        Assert.Equal(key, File.ReadAllText(KeyFile));
        Assert.False(File.Exists(KeyFile + ".new"));
    }

    [Fact]
    public async Task A_key_from_the_environment_is_not_rotated_and_the_message_says_why()
    {
        var error = await Assert.ThrowsAsync<MasterKeyException>(() => KeyFileRotation.RotateAsync(database, KeyFile, _ => Convert.ToBase64String(new byte[32]), Ct));

        Assert.StartsWith("The master key comes from the environment variable TANDEM_MASTER_KEY, which tandem cannot change.", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(KeyFile));
    }

    private static string? NoEnvironment(string name) => null;
}
