using Tandem.Storage;

namespace Tandem.Runtime.Hosting;

/// <summary>
/// Reads where the database is the way every host takes it: a bare file name or path is a SQLite file; a
/// string with <c>Host=</c> (or a <c>postgres://</c> URL) is PostgreSQL unless the provider says otherwise.
/// </summary>
public static class DatabaseLocation
{
    /// <param name="value">A file, a SQLite connection string or a PostgreSQL connection string.</param>
    /// <param name="provider">"sqlite", "postgresql" (any case), or null to infer it from <paramref name="value"/>.</param>
    /// <exception cref="ArgumentException">The provider is neither.</exception>
    public static DatabaseOptions Parse(string value, string? provider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var kind = provider?.Trim().ToUpperInvariant() switch
        {
            null or "" => LooksLikePostgres(value) ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite,
            "SQLITE" => DatabaseProvider.Sqlite,
            "POSTGRESQL" or "POSTGRES" => DatabaseProvider.PostgreSql,
            _ => throw new ArgumentException($"The database provider must be sqlite or postgresql, not '{provider}'.", nameof(provider)),
        };
        if (kind == DatabaseProvider.Sqlite && !value.Contains('=', StringComparison.Ordinal))
        {
            value = $"Data Source={value}";
        }

        return new DatabaseOptions { Provider = kind, ConnectionString = value };
    }

    private static bool LooksLikePostgres(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
        value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) ||
        value.Contains("Host=", StringComparison.OrdinalIgnoreCase);
}
