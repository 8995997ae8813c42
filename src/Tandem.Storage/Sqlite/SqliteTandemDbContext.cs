using Microsoft.EntityFrameworkCore;

namespace Tandem.Storage.Sqlite;

/// <summary>The SQLite flavour of <see cref="TandemDbContext"/>; its migrations live in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteTandemDbContext : TandemDbContext
{
    public SqliteTandemDbContext(DbContextOptions<SqliteTandemDbContext> options)
        : base(options)
    {
    }
}
