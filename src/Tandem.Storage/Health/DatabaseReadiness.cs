using System.Data.Common;
using Tandem.Storage.Upgrades;

namespace Tandem.Storage.Health;

/// <summary>
/// Whether the database can serve: reachable, and its schema exactly this build's (no migration pending, none
/// unknown). The answers are sentences for an operator; they never carry a connection string or an error's text,
/// which may name hosts and users.
/// </summary>
public static class DatabaseReadiness
{
    /// <summary>Null when ready; otherwise why not.</summary>
    /// <param name="database">The database.</param>
    /// <param name="includeUsers">Also checks the users' schema (hosts that sign users in).</param>
    /// <param name="cancellationToken">Stops the check.</param>
    public static async Task<string?> ProblemAsync(TandemDatabase database, bool includeUsers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);

        // Opening a SQLite file that is gone would create an empty one; a pooled connection would even keep reading
        // the deleted file. The file's presence is the question.
        if (database.SqliteFilePath is { } file && !File.Exists(file))
        {
            return "The database file is missing.";
        }

        try
        {
            foreach (var users in includeUsers ? new[] { false, true } : [false])
            {
                var state = await database.InspectSchemaAsync(users, cancellationToken);
                if (state.Unknown.Count > 0)
                {
                    return "The database was upgraded by a newer version of Tandem.";
                }

                if (state.Pending.Count > 0)
                {
                    return $"The database has {state.Pending.Count} schema change(s) still to apply.";
                }
            }
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            return "The database cannot be reached.";
        }

        return null;
    }
}
