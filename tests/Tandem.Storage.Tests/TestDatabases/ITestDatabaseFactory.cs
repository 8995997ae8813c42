namespace Tandem.Storage.Tests.TestDatabases;

/// <summary>Makes a fresh, empty database of one provider for one test.</summary>
public interface ITestDatabaseFactory
{
    /// <summary>Options for a new empty database, and how to throw it away; skips the test when the provider is unavailable.</summary>
    Task<(DatabaseOptions Options, Func<Task> DropAsync)> CreateEmptyAsync(CancellationToken cancellationToken);
}
