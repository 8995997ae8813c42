using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tandem.Storage.Schema;

internal sealed class ConnectionRowConfiguration : IEntityTypeConfiguration<ConnectionRow>
{
    public void Configure(EntityTypeBuilder<ConnectionRow> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.OwnerId);
        builder.Property(c => c.GuardAcknowledged).HasDefaultValue(false);

        // Restrict: an account outlives its connections and is removed only when none uses it.
        builder.HasOne<AccountRow>().WithMany().HasForeignKey(c => c.AccountAId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccountRow>().WithMany().HasForeignKey(c => c.AccountBId).OnDelete(DeleteBehavior.Restrict);
    }
}
