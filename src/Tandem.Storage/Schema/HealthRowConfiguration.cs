using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tandem.Storage.Schema;

internal sealed class HealthRowConfiguration : IEntityTypeConfiguration<HealthRow>
{
    public void Configure(EntityTypeBuilder<HealthRow> builder)
    {
        builder.HasKey(h => new { h.ConnectionId, h.Side, h.RecordId });
        builder.HasIndex(h => new { h.ConnectionId, h.Status });
        builder.BelongsToConnection(h => h.ConnectionId);
    }
}
