using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Tandem.Storage.Identity;

namespace Tandem.Storage.PostgreSql;

/// <summary>
/// Lets <c>dotnet ef migrations add … --context PostgresIdentityDbContext</c> build the model without a host.
/// Adding a migration never connects, so the server named here need not exist.
/// </summary>
internal sealed class PostgresIdentityDesignTimeFactory : IDesignTimeDbContextFactory<PostgresIdentityDbContext>
{
    public PostgresIdentityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresIdentityDbContext>()
            .UseNpgsql("Host=localhost;Database=tandem", o => o.MigrationsHistoryTable(TandemIdentityDbContext.MigrationsHistoryTable))
            .Options);
}
