using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Tandem.Storage.Identity;
using Tandem.Storage.PostgreSql;
using Tandem.Storage.Secrets;
using Tandem.Storage.Sqlite;
using Tandem.Storage.Upgrades;

namespace Tandem.Storage;

/// <summary>
/// Tandem's database: SQLite or PostgreSQL as <see cref="DatabaseOptions"/> say. Hands out EF contexts for
/// the configuration stores and open raw connections for the sync-state SQL. One per process.
/// </summary>
public sealed class TandemDatabase : IAsyncDisposable
{
    /// <summary>How long a migration, or the wait for another process's, may take before start-up fails.</summary>
    public static readonly TimeSpan MigrationTimeout = TimeSpan.FromMinutes(10);

    private readonly string _connectionString;
    private readonly NpgsqlDataSource? _postgres;
    private readonly DbContextOptions<SqliteTandemDbContext>? _sqliteOptions;
    private readonly DbContextOptions<PostgresTandemDbContext>? _postgresOptions;
    private readonly DbContextOptions<SqliteIdentityDbContext>? _sqliteIdentityOptions;
    private readonly DbContextOptions<PostgresIdentityDbContext>? _postgresIdentityOptions;

    /// <summary>Validates <paramref name="options"/> (see <see cref="DatabaseOptionsValidator"/>); connects lazily.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are unusable; the message says why.</exception>
    public TandemDatabase(DatabaseOptions options)
    {
        DatabaseOptionsValidator.ThrowIfInvalid(options);
        Provider = options.Provider;
        if (Provider == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(options.ConnectionString) { ForeignKeys = true };
            SqliteFilePath = Path.GetFullPath(builder.DataSource);
            _connectionString = builder.ToString();
            _sqliteOptions = new DbContextOptionsBuilder<SqliteTandemDbContext>()
                .UseSqlite(_connectionString)
                .AddInterceptors(SqlitePragmaInterceptor.Instance)
                .Options;
            _sqliteIdentityOptions = new DbContextOptionsBuilder<SqliteIdentityDbContext>()
                .UseSqlite(_connectionString, o => o.MigrationsHistoryTable(TandemIdentityDbContext.MigrationsHistoryTable))
                .AddInterceptors(SqlitePragmaInterceptor.Instance)
                .Options;
        }
        else
        {
            _connectionString = options.ConnectionString;
            _postgres = NpgsqlDataSource.Create(_connectionString);
            _postgresOptions = new DbContextOptionsBuilder<PostgresTandemDbContext>().UseNpgsql(_postgres).Options;
            _postgresIdentityOptions = new DbContextOptionsBuilder<PostgresIdentityDbContext>()
                .UseNpgsql(_postgres, o => o.MigrationsHistoryTable(TandemIdentityDbContext.MigrationsHistoryTable))
                .Options;
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The full path of the SQLite file, or null on PostgreSQL. The key file usually lives beside it.</summary>
    public string? SqliteFilePath { get; }

    /// <summary>Where the master key file goes unless told otherwise: beside the SQLite file, or in the working directory.</summary>
    public string DefaultKeyFilePath => SqliteFilePath is { } file
        ? Path.Combine(Path.GetDirectoryName(file)!, SecretProtector.DefaultKeyFileName)
        : Path.GetFullPath(SecretProtector.DefaultKeyFileName);

    /// <summary>Creates the database object and checks it can be reached (for SQLite: creates the file, in WAL mode).</summary>
    public static async Task<TandemDatabase> OpenAsync(DatabaseOptions options, CancellationToken cancellationToken)
    {
        var database = new TandemDatabase(options);
        try
        {
            await database.PrepareAsync(cancellationToken);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Creates the schema in an empty database or upgrades it to the latest migration under a database-wide lock (EF
    /// Core's lock table on SQLite, an advisory lock on PostgreSQL: <see cref="PostgresMigrationLock"/>), so when several
    /// processes start together one migrates and the others wait, then find nothing left to do.
    /// </summary>
    /// <exception cref="DatabaseTooNewException">A newer version of Tandem upgraded this database.</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        var known = Provider == DatabaseProvider.Sqlite ? MigrationHistory.KnownIds<SqliteTandemDbContext>() : MigrationHistory.KnownIds<PostgresTandemDbContext>();
        if (await IsCurrentAsync(HistoryRepository.DefaultTableName, known, cancellationToken))
        {
            return;
        }

        await using var migrating = await MigrationLockAsync(cancellationToken);
        await using var context = CreateDbContext();
        await MigrateRefusingNewerAsync(context, cancellationToken);
    }

    /// <summary>
    /// Creates or upgrades the users and API-token tables (<see cref="TandemIdentityDbContext"/>). Hosts that
    /// sign users in (the web server) call it after <see cref="MigrateAsync"/>; the CLI does not need them.
    /// </summary>
    public async Task MigrateIdentityAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        var known = Provider == DatabaseProvider.Sqlite ? MigrationHistory.KnownIds<SqliteIdentityDbContext>() : MigrationHistory.KnownIds<PostgresIdentityDbContext>();
        if (await IsCurrentAsync(TandemIdentityDbContext.MigrationsHistoryTable, known, cancellationToken))
        {
            return;
        }

        await using var migrating = await MigrationLockAsync(cancellationToken);
        await using var context = CreateIdentityDbContext();
        await MigrateRefusingNewerAsync(context, cancellationToken);
    }

    /// <summary>How the schema (and, when <paramref name="identity"/>, the users' schema) compares with this build.</summary>
    public async Task<SchemaState> InspectSchemaAsync(bool identity, CancellationToken cancellationToken)
    {
        await using DbContext context = identity ? CreateIdentityDbContext() : CreateDbContext();
        return await SchemaInspector.InspectAsync(context, cancellationToken);
    }

    /// <summary>A new context over the users and API tokens, with its own connection. Dispose it after use.</summary>
    public TandemIdentityDbContext CreateIdentityDbContext() => Provider == DatabaseProvider.Sqlite
        ? new SqliteIdentityDbContext(_sqliteIdentityOptions!)
        : new PostgresIdentityDbContext(_postgresIdentityOptions!);

    /// <summary>A new context with its own connection, opened when first needed. Dispose it after use.</summary>
    public TandemDbContext CreateDbContext() => Provider == DatabaseProvider.Sqlite
        ? new SqliteTandemDbContext(_sqliteOptions!)
        : new PostgresTandemDbContext(_postgresOptions!);

    /// <summary>
    /// A new context over a connection from <see cref="OpenConnectionAsync"/>, so EF and raw SQL can share
    /// a transaction (<c>context.Database.UseTransaction</c>). The caller keeps owning the connection.
    /// </summary>
    public TandemDbContext CreateDbContext(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return Provider == DatabaseProvider.Sqlite
            ? new SqliteTandemDbContext(new DbContextOptionsBuilder<SqliteTandemDbContext>()
                .UseSqlite(connection).AddInterceptors(SqlitePragmaInterceptor.Instance).Options)
            : new PostgresTandemDbContext(new DbContextOptionsBuilder<PostgresTandemDbContext>()
                .UseNpgsql(connection).Options);
    }

    /// <summary>
    /// An open raw connection for hand-written SQL (SQLite pragmas already applied). The caller disposes it,
    /// which returns it to the pool.
    /// </summary>
    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await SqlitePragmas.ApplyAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>On PostgreSQL, the advisory lock the whole migration runs under; on SQLite none (EF Core's lock table holds for the whole migration there).</summary>
    private async Task<IAsyncDisposable?> MigrationLockAsync(CancellationToken cancellationToken) =>
        _postgres is null ? null : await PostgresMigrationLock.AcquireAsync(_postgres, MigrationTimeout, cancellationToken);

    // The cheap check first: most starts find the schema current, and EF Core's migrator would build the whole model to say so.
    private async Task<bool> IsCurrentAsync(string historyTable, IReadOnlySet<string> known, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await MigrationHistory.IsCurrentAsync(connection, Provider == DatabaseProvider.PostgreSql, historyTable, known, cancellationToken);
    }

    private static async Task MigrateRefusingNewerAsync(DbContext context, CancellationToken cancellationToken)
    {
        // A node that waits while another migrates waits inside a command (for the history table's lock); the default 30
        // seconds would fail its start-up whenever a migration takes longer than that.
        context.Database.SetCommandTimeout(MigrationTimeout);
        var state = await SchemaInspector.InspectAsync(context, cancellationToken);
        if (state.Unknown.Count > 0)
        {
            throw DatabaseTooNewException.For(state);
        }

        await context.Database.MigrateAsync(cancellationToken);
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (SqliteFilePath is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            OwnerOnlyFiles.PrepareDatabase(file);
        }

        await using var connection = await OpenConnectionAsync(cancellationToken);
        if (Provider == DatabaseProvider.Sqlite)
        {
            await SqlitePragmas.EnableWriteAheadLogAsync(connection, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        else
        {
            // Pooled SQLite connections keep the file open; release them so the file can be moved or deleted.
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }
    }
}
