using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tandem.Storage.Schema;

internal sealed class PossibleMatchRowConfiguration : IEntityTypeConfiguration<PossibleMatchRow>
{
    public void Configure(EntityTypeBuilder<PossibleMatchRow> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedOnAdd();
        builder.HasIndex(p => new { p.ConnectionId, p.AId, p.BId }).IsUnique();
        builder.HasIndex(p => new { p.ConnectionId, p.Decision });
        builder.BelongsToConnection(p => p.ConnectionId);
    }
}
