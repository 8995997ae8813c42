using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tandem.Storage.Schema;

internal sealed class LinkRowConfiguration : IEntityTypeConfiguration<LinkRow>
{
    public void Configure(EntityTypeBuilder<LinkRow> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedOnAdd();

        // NULLs are distinct in both providers, so a half-made link (one side only) never collides.
        builder.HasIndex(l => new { l.ConnectionId, l.AId }).IsUnique();
        builder.HasIndex(l => new { l.ConnectionId, l.BId }).IsUnique();
        builder.BelongsToConnection(l => l.ConnectionId);
    }
}
