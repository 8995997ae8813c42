using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Tandem.Storage.Identity;

/// <summary>
/// Users, their sign-in data (ASP.NET Core Identity) and their API tokens, in the same database as
/// <see cref="TandemDbContext"/> but with migrations and a history table of their own
/// (<see cref="MigrationsHistoryTable"/>), so the sync schema and the CLI are untouched by them.
/// Get one from <see cref="TandemDatabase.CreateIdentityDbContext"/>.
/// </summary>
public abstract class TandemIdentityDbContext : IdentityDbContext<TandemUser>
{
    /// <summary>The table recording which identity migrations ran.</summary>
    public const string MigrationsHistoryTable = "__identity_migrations";

    private protected TandemIdentityDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<ApiTokenRow> ApiTokens => Set<ApiTokenRow>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Entity<ApiTokenRow>(token =>
        {
            token.HasKey(t => t.Id);
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasIndex(t => t.UserId);
            token.HasOne<TandemUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
