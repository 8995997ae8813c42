using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tandem.Storage.Upgrades;

/// <summary>Compares the migrations a database has had with the ones this build carries.</summary>
internal static class SchemaInspector
{
    public static async Task<SchemaState> InspectAsync(DbContext context, CancellationToken cancellationToken)
    {
        var known = context.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();
        var applied = (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var appliedSet = applied.ToHashSet(StringComparer.Ordinal);
        var knownSet = known.ToHashSet(StringComparer.Ordinal);
        return new SchemaState(
            [.. known.Where(m => !appliedSet.Contains(m))],
            [.. applied.Where(m => !knownSet.Contains(m)).Order(StringComparer.Ordinal)]);
    }
}
