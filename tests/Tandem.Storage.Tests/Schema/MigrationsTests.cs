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
        Assert.Single(context.Database.GetMigrations());
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var context = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(context.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project src/Tandem.Storage --context PostgresTandemDbContext ...");
        Assert.Single(context.Database.GetMigrations());
    }
}
