using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Tandem.Storage.Identity;

namespace Tandem.Storage.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteIdentityDbContext</c> build the model without a host.</summary>
internal sealed class SqliteIdentityDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIdentityDbContext>
{
    public SqliteIdentityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteIdentityDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable(TandemIdentityDbContext.MigrationsHistoryTable))
            .Options);
}
