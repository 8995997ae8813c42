using Tandem.Domain.Configuration;

namespace Tandem.Engine.Planning;

/// <summary>
/// One line of a connection's activity log: what happened to which record on which side, and why.
/// <see cref="Details"/> carries field-level before/after (user data, shown to the connection's owner only; never logged).
/// </summary>
public sealed record ActivityNote(Side? Side, string? RecordId, string Kind, string Message, string? Details = null);
