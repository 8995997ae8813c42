using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Tandem.Storage.PostgreSql;

/// <summary>
/// Lets <c>dotnet ef migrations add … --context PostgresTandemDbContext</c> build the model without a host.
/// Adding a migration never connects, so the server named here need not exist.
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTandemDbContext>
{
    public PostgresTandemDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresTandemDbContext>().UseNpgsql("Host=localhost;Database=tandem").Options);
}
