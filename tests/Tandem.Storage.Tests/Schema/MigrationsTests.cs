using Microsoft.EntityFrameworkCore;
using Tandem.Storage.PostgreSql;
using Tandem.Storage.Sqlite;

namespace Tandem.Storage.Tests.Schema;

/// <summary>Runs without a server: a model change without a migration for each provider fails here first.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var context = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(context.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project src/Tandem.Storage --context SqliteTandemDbContext ...");
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var context = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(context.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project src/Tandem.Storage --context PostgresTandemDbContext ...");
    }

    [Fact]
    public void The_identity_migrations_of_both_providers_match_the_model()
    {
        using var sqlite = new SqliteIdentityDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresIdentityDesignTimeFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project src/Tandem.Storage --context SqliteIdentityDbContext ...");
        Assert.False(postgres.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project src/Tandem.Storage --context PostgresIdentityDbContext ...");
        Assert.Equal(["IdentitySchema", "ApiTokenScope"], sqlite.Database.GetMigrations().Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..]));
        Assert.Equal(["IdentitySchema", "ApiTokenScope"], postgres.Database.GetMigrations().Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..]));
    }

    [Fact]
    public void Both_providers_carry_the_same_migrations_in_the_same_order()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        // Migration ids are "<timestamp>_<Name>"; the names must pair up, the timestamps may differ by seconds.
        static IEnumerable<string> Names(DbContext context) => context.Database.GetMigrations().Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(["InitialSchema", "DropRecordsScanGenIndex", "ConnectionWebhooks", "MatchKeys", "PossibleMatches"], Names(sqlite));
        Assert.Equal(Names(sqlite), Names(postgres));
    }
}
