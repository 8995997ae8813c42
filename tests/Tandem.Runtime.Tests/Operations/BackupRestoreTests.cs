using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.InMemory;
using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine;
using Tandem.Runtime.Hosting;
using Tandem.Runtime.Operations;
using Tandem.Storage;
using Tandem.Storage.Accounts;
using Tandem.Storage.Connections;

namespace Tandem.Runtime.Tests.Operations;

public sealed class BackupRestoreTests : IDisposable
{
    private const int People = 120;

    private readonly string root = Path.Combine(Path.GetTempPath(), "tandem-backup-tests", Guid.NewGuid().ToString("N"));
    private readonly InMemoryAppRegistry apps = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string BackupFile => Path.Combine(root, "backup.zip");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task A_backup_taken_during_a_sync_restores_into_a_new_folder_whose_next_run_duplicates_nothing_and_loses_no_edit()
    {
        var crm = apps.Add(new InMemoryApp(new InMemoryAppOptions { Name = "crm", IdPrefix = "a" }));
        var book = apps.Add(new InMemoryApp(new InMemoryAppOptions { Name = "book", IdPrefix = "b" }));
        var ids = Enumerable.Range(0, People).Select(i => crm.CreatePerson("Person", $"Number{i}", $"person{i}@example.com").Id).ToList();
        var original = Database("original");
        string connectionId;
        var writes = 0;
        await using (var runtime = await OpenAsync(original))
        {
            connectionId = await AddConnectionAsync(runtime);

            // The second write batch to the book waits for a backup of the live database: the copy holds half a run.
            book.Faults.BeforeWrite = _ =>
            {
                if (Interlocked.Increment(ref writes) == 2)
                {
                    BackupArchive.CreateAsync(original, keyFilePath: null, NoEnvironment, BackupFile, Ct).GetAwaiter().GetResult();
                }
            };
            var first = await runtime.Runner.RunAsync(connectionId, new RunOptions { PageSize = 20 }, Ct);
            Assert.True(first.Report!.Outcome == RunOutcome.Completed, first.Report.Message);
        }

        book.Faults.Clear();
        Assert.True(writes > 2, $"the run made {writes} write calls; the backup needs one before and after it");
        Assert.True(File.Exists(BackupFile));
        var lastName = crm.Schema.FindRole(FieldRole.LastName)!.Key;
        crm.Set(ids[0], lastName, Values.Text("Edited After The Backup"));

        var restored = Database("restored");
        var summary = await BackupArchive.RestoreAsync(BackupFile, restored, keyFilePath: null, Ct);
        await using var again = await OpenAsync(restored);
        var next = await again.Runner.RunAsync(connectionId, new RunOptions { PageSize = 20 }, Ct);

        Assert.Equal(["tandem.db", "tandem.key"], summary.Files);
        Assert.True(summary.MasterKeyIncluded);
        Assert.True(next.Report!.Outcome == RunOutcome.Completed, next.Report.Message);
        Assert.Equal((0, 0), (next.Report.A.Created, next.Report.B.Created));
        Assert.Equal(People, crm.Count);
        Assert.Equal(People, book.Count);
        Assert.All(Enumerable.Range(0, People), i => Assert.Single(book.FindByEmail($"person{i}@example.com")));
        Assert.Equal("Edited After The Backup", book.FindByEmail("person0@example.com")[0].Get(book.Schema.FindRole(FieldRole.LastName)!.Key)?.ToString());
        var account = (await again.Accounts.ListAsync(Ct)).Single(a => a.Name == "crm");
        Assert.Equal("crm", (await again.Accounts.GetAsync(account.Id, Ct))!.Secrets["app"]);
    }

    [Fact]
    public async Task Restoring_over_an_existing_database_is_refused_and_leaves_it_alone()
    {
        var original = Database("original");
        await using (var runtime = await OpenAsync(original))
        {
            await BackupArchive.CreateAsync(original, keyFilePath: null, NoEnvironment, BackupFile, Ct);
        }

        var before = File.ReadAllBytes(Path.Combine(root, "original", "tandem.key"));

        var refused = await Assert.ThrowsAsync<IOException>(() => BackupArchive.RestoreAsync(BackupFile, original, keyFilePath: null, Ct));

        Assert.Equal($"'{Path.Combine(root, "original", "tandem.db")}' already exists; restore into a new folder, or move the current data aside first.", refused.Message);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(root, "original", "tandem.key")));
    }

    [Fact]
    public async Task A_backup_never_overwrites_a_file_and_is_readable_by_its_owner_only()
    {
        var original = Database("original");
        await using (await OpenAsync(original))
        {
            await BackupArchive.CreateAsync(original, keyFilePath: null, NoEnvironment, BackupFile, Ct);
            await Assert.ThrowsAsync<IOException>(() => BackupArchive.CreateAsync(original, keyFilePath: null, NoEnvironment, BackupFile, Ct));
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(BackupFile));
        }

        Assert.Equal([Path.GetFileName(BackupFile)], Directory.GetFiles(root).Select(Path.GetFileName));
    }

    private static string? NoEnvironment(string name) => null;

    private DatabaseOptions Database(string folder) => new() { ConnectionString = $"Data Source={Path.Combine(root, folder, "tandem.db")}" };

    private Task<TandemRuntime> OpenAsync(DatabaseOptions database) => TandemRuntime.OpenAsync(
        new RuntimeOptions { Database = database, Time = time, Catalog = new ConnectorCatalog([new InMemoryConnectorFactory(apps)]) },
        Ct);

    private static async Task<string> AddConnectionAsync(TandemRuntime runtime)
    {
        // The crm account's one setting is stored as a secret, so the restored run opens it only with the restored key.
        var a = await runtime.Accounts.AddAsync(new NewAccount(null, "in-memory", "crm", new Dictionary<string, string>(), new Dictionary<string, string> { ["app"] = "crm" }), Ct);
        var b = await runtime.Accounts.AddAsync(new NewAccount(null, "in-memory", "book", new Dictionary<string, string> { ["app"] = "book" }, new Dictionary<string, string>()), Ct);
        return (await runtime.Connections.AddAsync(new NewConnection(null, "crm-book", a.Id, b.Id, new ConnectionSettings()), Ct)).Id;
    }
}
