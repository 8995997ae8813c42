namespace Tandem.Storage;

/// <summary>Where Tandem keeps its state. Bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Database";

    /// <summary>The SQLite file used when nothing else is configured.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=tandem.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// For SQLite a Microsoft.Data.Sqlite connection string naming a file (<c>Data Source=tandem.db</c>);
    /// for PostgreSQL an Npgsql connection string (<c>Host=…;Database=…;Username=…;Password=…</c>).
    /// </summary>
    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;
}
