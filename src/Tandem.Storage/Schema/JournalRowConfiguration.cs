using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tandem.Storage.Schema;

internal sealed class JournalRowConfiguration : IEntityTypeConfiguration<JournalRow>
{
    public void Configure(EntityTypeBuilder<JournalRow> builder)
    {
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedOnAdd();
        builder.HasIndex(j => new { j.ConnectionId, j.State });
        builder.BelongsToConnection(j => j.ConnectionId);
    }
}
