using Microsoft.EntityFrameworkCore;

namespace Tandem.Storage.PostgreSql;

/// <summary>The PostgreSQL flavour of <see cref="TandemDbContext"/>; its migrations live in <c>Migrations/PostgreSql</c>.</summary>
public sealed class PostgresTandemDbContext : TandemDbContext
{
    public PostgresTandemDbContext(DbContextOptions<PostgresTandemDbContext> options)
        : base(options)
    {
    }
}
