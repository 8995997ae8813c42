using Microsoft.EntityFrameworkCore;
using Tandem.Storage.Identity;

namespace Tandem.Storage.Sqlite;

/// <summary>The SQLite flavour of <see cref="TandemIdentityDbContext"/>; its migrations live in <c>Migrations/IdentitySqlite</c>.</summary>
public sealed class SqliteIdentityDbContext : TandemIdentityDbContext
{
    public SqliteIdentityDbContext(DbContextOptions<SqliteIdentityDbContext> options)
        : base(options)
    {
    }
}
