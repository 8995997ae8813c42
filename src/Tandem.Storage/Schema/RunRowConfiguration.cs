using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tandem.Storage.Schema;

internal sealed class RunRowConfiguration : IEntityTypeConfiguration<RunRow>
{
    public void Configure(EntityTypeBuilder<RunRow> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.HasIndex(r => new { r.ConnectionId, r.StartedAt });
        builder.BelongsToConnection(r => r.ConnectionId);
    }
}
