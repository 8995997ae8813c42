using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tandem.Storage.Upgrades;

/// <summary>
/// Answers "is this database's schema exactly this build's?" with one query on the history table, without EF Core:
/// building the model and the migrator only to learn that nothing is to be done cost every command about half a
/// second of start-up. When the answer is no (or the table is missing), the caller takes EF Core's full path.
/// </summary>
internal static class MigrationHistory
{
    // EF Core's HistoryRepository names the column so on both providers.
    private const string MigrationIdColumn = "MigrationId";

    /// <summary>
    /// The migration ids this build carries for <typeparamref name="TContext"/>, found as EF Core's migrations assembly
    /// finds them: the context's assembly's <see cref="Migration"/> types whose <see cref="DbContextAttribute"/> names the
    /// context, by their <see cref="MigrationAttribute"/>.
    /// </summary>
    public static IReadOnlySet<string> KnownIds<TContext>()
        where TContext : DbContext => Known<TContext>.Ids;

    /// <summary>True when the history table lists exactly <paramref name="known"/>: nothing pending, nothing unknown.</summary>
    public static async Task<bool> IsCurrentAsync(DbConnection connection, bool postgres, string historyTable, IReadOnlySet<string> known, CancellationToken cancellationToken)
    {
        if (!await TableExistsAsync(connection, postgres, historyTable, cancellationToken))
        {
            return false;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"{MigrationIdColumn}\" FROM \"{historyTable}\"";
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetString(0));
        }

        return applied.SetEquals(known);
    }

    private static async Task<bool> TableExistsAsync(DbConnection connection, bool postgres, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = postgres
            ? "SELECT to_regclass(@name) IS NOT NULL"
            : "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = @name)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "name";

        // to_regclass reads a name as SQL would: quoted, it keeps its case and follows the search path, as EF Core's table does.
        parameter.Value = postgres ? $"\"{table}\"" : table;
        command.Parameters.Add(parameter);
        return Convert.ToBoolean(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static class Known<TContext>
        where TContext : DbContext
    {
        public static readonly IReadOnlySet<string> Ids = typeof(TContext).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && !t.IsAbstract && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(TContext))
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }
}
