using Tandem.Domain.Configuration;

namespace Tandem.Runtime.Status;

/// <summary>A connection as the status page shows it (PRODUCT.md §6).</summary>
/// <param name="Id">The connection's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="State">What it is doing.</param>
/// <param name="Reason">Why it is in that state (e.g. why it needs attention), or null.</param>
/// <param name="LastRunAt">When it last ran, or null before its first run.</param>
/// <param name="InSync">Linked pairs, live on both sides, with no exclusion or failure on either.</param>
/// <param name="Excluded">Contacts excluded (no email, ambiguous, no rule matched…), both sides.</param>
/// <param name="Failed">Contacts an app rejected, both sides; retried after they change.</param>
public sealed record ConnectionStatus(
    string Id,
    string Name,
    ConnectionState State,
    string? Reason,
    DateTimeOffset? LastRunAt,
    int InSync,
    int Excluded,
    int Failed);
