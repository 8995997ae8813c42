using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Tandem.Storage.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteTandemDbContext</c> build the model without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTandemDbContext>
{
    public SqliteTandemDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTandemDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
