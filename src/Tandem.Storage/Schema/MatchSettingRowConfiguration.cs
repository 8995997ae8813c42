using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tandem.Storage.Schema;

internal sealed class MatchSettingRowConfiguration : IEntityTypeConfiguration<MatchSettingRow>
{
    public void Configure(EntityTypeBuilder<MatchSettingRow> builder)
    {
        builder.HasKey(m => m.ConnectionId);
        builder.BelongsToConnection(m => m.ConnectionId);
    }
}
