using Tandem.Domain.Configuration;

namespace Tandem.Runtime.Status;

/// <summary>One line of a connection's activity log. The message is the user's own data: show it to them, never log it.</summary>
/// <param name="At">When it happened.</param>
/// <param name="ConnectionName">The connection's name.</param>
/// <param name="Side">The side it happened on, or null for the connection as a whole.</param>
/// <param name="Kind">What happened (created, updated, conflict, excluded, failed…).</param>
/// <param name="Message">What happened, in words.</param>
public sealed record ActivityLine(DateTimeOffset At, string ConnectionName, Side? Side, string Kind, string Message);
