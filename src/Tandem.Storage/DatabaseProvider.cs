namespace Tandem.Storage;

/// <summary>The database engines Tandem can keep its state in.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file: the default, for one process on one machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for when one machine is outgrown.</summary>
    PostgreSql,
}
