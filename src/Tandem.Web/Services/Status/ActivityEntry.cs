using System.Text.Json;
using Tandem.Domain.Configuration;

namespace Tandem.Web.Services.Status;

/// <summary>One line of the activity log. Message and details are the user's own data: show them, never log them.</summary>
/// <param name="Id">Its id; pass the oldest one as <c>before</c> for the next page.</param>
/// <param name="ConnectionId">The connection.</param>
/// <param name="At">When it happened.</param>
/// <param name="Side">The side it happened on, or null for the connection as a whole.</param>
/// <param name="RecordId">The contact it is about, when one.</param>
/// <param name="Kind">created, updated, conflict, excluded, failed…</param>
/// <param name="Message">What happened and why, in words.</param>
/// <param name="Details">Field-level before and after, when the engine recorded them.</param>
public sealed record ActivityEntry(long Id, string ConnectionId, DateTimeOffset At, Side? Side, string? RecordId, string Kind, string Message, JsonElement? Details)
{
    /// <summary>The fields an update changed, read from <see cref="Details"/>, as readable text.</summary>
    public IReadOnlyList<FieldChange> Fields { get; } = FieldChanges.Of(Details);
}
