using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tandem.Storage.Schema;

internal sealed class RecordRowConfiguration : IEntityTypeConfiguration<RecordRow>
{
    public void Configure(EntityTypeBuilder<RecordRow> builder)
    {
        builder.HasKey(r => new { r.ConnectionId, r.Side, r.RecordId });
        builder.HasIndex(r => new { r.ConnectionId, r.Side, r.EmailKey });
        builder.HasIndex(r => new { r.ConnectionId, r.Dirty, r.Side });
        builder.BelongsToConnection(r => r.ConnectionId);
    }
}
