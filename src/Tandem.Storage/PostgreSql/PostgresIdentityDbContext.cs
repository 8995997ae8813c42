using Microsoft.EntityFrameworkCore;
using Tandem.Storage.Identity;

namespace Tandem.Storage.PostgreSql;

/// <summary>The PostgreSQL flavour of <see cref="TandemIdentityDbContext"/>; its migrations live in <c>Migrations/IdentityPostgreSql</c>.</summary>
public sealed class PostgresIdentityDbContext : TandemIdentityDbContext
{
    public PostgresIdentityDbContext(DbContextOptions<PostgresIdentityDbContext> options)
        : base(options)
    {
    }
}
