namespace Tandem.Connectors.Testing.Databases;

/// <summary>
/// The PostgreSQL server the PostgreSQL half of the suites runs on: the one <c>TANDEM_TEST_POSTGRES</c> names
/// (scripts/test.sh starts one for the whole run and sets it); else a throwaway cluster this test process starts
/// itself when PostgreSQL 15 is installed (initdb and pg_ctl on a temp folder, 127.0.0.1 on a free port, stopped and
/// deleted when the process exits), so a focused <c>dotnet test</c> runs them too; else none, and they are skipped.
/// </summary>
public static class TestPostgres
{
    public const string EnvironmentVariable = "TANDEM_TEST_POSTGRES";

    private static readonly Lazy<Task<string?>> Server = new(FindOrStartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A connection string to the server's <c>postgres</c> database (tests create their own databases on it), or null.</summary>
    public static Task<string?> ServerAsync() => Server.Value;

    /// <summary>The server's connection string; skips the test with the reason when there is none.</summary>
    public static async Task<string> RequireAsync()
    {
        var server = await ServerAsync();
        Assert.SkipWhen(
            server is null,
            $"PostgreSQL 15 is not installed ({ThrowawayPostgres.BinFolder}) and {EnvironmentVariable} is not set; .ci/run installs it.");
        return server!;
    }

    private static async Task<string?> FindOrStartAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            return given;
        }

        if (!ThrowawayPostgres.IsInstalled)
        {
            return null;
        }

        var cluster = await ThrowawayPostgres.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return cluster.ConnectionString;
    }
}
