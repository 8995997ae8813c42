namespace Tandem.Storage.Tests.TestDatabases;

/// <summary>A SQLite file in a new temporary folder (nested, to prove the folder is created).</summary>
public sealed class SqliteTestDatabaseFactory : ITestDatabaseFactory
{
    public Task<(DatabaseOptions Options, Func<Task> DropAsync)> CreateEmptyAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "tandem-storage-tests", Guid.NewGuid().ToString("N"));
        var options = new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = $"Data Source={Path.Combine(folder, "data", "tandem.db")}",
        };
        return Task.FromResult<(DatabaseOptions, Func<Task>)>((options, () =>
        {
            Directory.Delete(folder, recursive: true);
            return Task.CompletedTask;
        }));
    }
}
