using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tandem.Storage.Schema;

internal sealed class ActivityRowConfiguration : IEntityTypeConfiguration<ActivityRow>
{
    public void Configure(EntityTypeBuilder<ActivityRow> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.HasIndex(a => new { a.ConnectionId, a.At });
        builder.BelongsToConnection(a => a.ConnectionId);
    }
}
