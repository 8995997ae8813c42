using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tandem.Storage.Schema;

/// <summary>The one rule shared by every sync-state table: its rows die with their connection.</summary>
internal static class ConnectionOwnedRows
{
    public static void BelongsToConnection<TRow>(this EntityTypeBuilder<TRow> builder, Expression<Func<TRow, object?>> connectionId)
        where TRow : class =>
        builder.HasOne<ConnectionRow>().WithMany().HasForeignKey(connectionId).OnDelete(DeleteBehavior.Cascade);
}
