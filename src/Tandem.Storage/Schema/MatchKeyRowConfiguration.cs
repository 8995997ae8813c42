using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tandem.Storage.Schema;

internal sealed class MatchKeyRowConfiguration : IEntityTypeConfiguration<MatchKeyRow>
{
    public void Configure(EntityTypeBuilder<MatchKeyRow> builder)
    {
        builder.HasKey(k => new { k.ConnectionId, k.Side, k.RecordId, k.Key });
        builder.HasIndex(k => new { k.ConnectionId, k.Key });
        builder.BelongsToConnection(k => k.ConnectionId);
    }
}
