using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Tandem.Storage;

/// <summary>Checks <see cref="DatabaseOptions"/> at start-up so a typo fails with an exact message, not at the first query.</summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every problem of <paramref name="options"/>.</summary>
    public static void ThrowIfInvalid(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Check(options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(DatabaseOptions.SectionName, typeof(DatabaseOptions), failures);
        }
    }

    /// <summary>The problems of <paramref name="options"/>, empty when they are usable.</summary>
    public static IReadOnlyList<string> Check(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Provider))
        {
            return [$"Database:Provider must be Sqlite or PostgreSql, not '{options.Provider}'."];
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return [options.Provider == DatabaseProvider.Sqlite
                ? "Database:ConnectionString is required for Sqlite, e.g. \"Data Source=tandem.db\"."
                : "Database:ConnectionString is required for PostgreSql, e.g. \"Host=localhost;Database=tandem;Username=tandem;Password=...\"."];
        }

        return options.Provider == DatabaseProvider.Sqlite
            ? CheckSqlite(options.ConnectionString)
            : CheckPostgreSql(options.ConnectionString);
    }

    private static List<string> CheckSqlite(string connectionString)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            // The builder's message names the keyword only, never a value, so it is safe to repeat.
            return [$"Database:ConnectionString is not a valid Sqlite connection string ({e.Message}). " +
                    "Use \"Data Source=<file>\", or set Database:Provider to PostgreSql for a server."];
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            return ["Database:ConnectionString for Sqlite must name a file with \"Data Source=<file>\"."];
        }

        // An in-memory database vanishes with its last connection: Tandem would forget every link.
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource.Trim() == ":memory:")
        {
            return ["Database:ConnectionString for Sqlite must name a file, not an in-memory database."];
        }

        return builder.Mode == SqliteOpenMode.ReadOnly
            ? ["Database:ConnectionString for Sqlite must not be read-only (Mode=ReadOnly): Tandem writes its state there."]
            : [];
    }

    private static List<string> CheckPostgreSql(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return [$"Database:ConnectionString is not a valid PostgreSql connection string ({e.Message})."];
        }

        return string.IsNullOrWhiteSpace(builder.Host)
            ? ["Database:ConnectionString for PostgreSql must name a server with \"Host=<name>\"."]
            : [];
    }
}
