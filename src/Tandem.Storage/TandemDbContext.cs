using Microsoft.EntityFrameworkCore;
using Tandem.Storage.Schema;

namespace Tandem.Storage;

/// <summary>
/// Tandem's tables. One subclass per provider exists only so each has its own migrations; the model is
/// the same. Get one from <see cref="TandemDatabase.CreateDbContext()"/>.
/// </summary>
public abstract class TandemDbContext : DbContext
{
    private protected TandemDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<AccountRow> Accounts => Set<AccountRow>();

    public DbSet<ConnectionRow> Connections => Set<ConnectionRow>();

    public DbSet<CursorRow> Cursors => Set<CursorRow>();

    public DbSet<RecordRow> Records => Set<RecordRow>();

    public DbSet<MatchKeyRow> MatchKeys => Set<MatchKeyRow>();

    public DbSet<MatchSettingRow> MatchSettings => Set<MatchSettingRow>();

    public DbSet<PossibleMatchRow> PossibleMatches => Set<PossibleMatchRow>();

    public DbSet<LinkRow> Links => Set<LinkRow>();

    public DbSet<JournalRow> Journal => Set<JournalRow>();

    public DbSet<HealthRow> Health => Set<HealthRow>();

    public DbSet<ActivityRow> Activity => Set<ActivityRow>();

    public DbSet<RunRow> Runs => Set<RunRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Booleans are INTEGER 0/1 in both providers so the sync-state SQL stays portable
        // (PostgreSQL would otherwise use its boolean type, which refuses 0 and 1).
        configurationBuilder.Properties<bool>().HaveConversion<int>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TandemDbContext).Assembly);
    }
}
