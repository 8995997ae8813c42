using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tandem.Storage.Schema;

internal sealed class CursorRowConfiguration : IEntityTypeConfiguration<CursorRow>
{
    public void Configure(EntityTypeBuilder<CursorRow> builder)
    {
        builder.HasKey(c => new { c.ConnectionId, c.Side });
        builder.BelongsToConnection(c => c.ConnectionId);
    }
}
