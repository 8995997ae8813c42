using Tandem.Domain.Configuration;

namespace Tandem.Web.Components.Data;

/// <summary>One line of the activity log, with its field-level before/after when the engine recorded them.</summary>
public sealed record ActivityEntry(long Id, DateTimeOffset At, Side? Side, string Kind, string Message, IReadOnlyList<FieldBeforeAfter> Fields);

/// <summary>One field an update changed.</summary>
public sealed record FieldBeforeAfter(string Field, string? Before, string? After);
