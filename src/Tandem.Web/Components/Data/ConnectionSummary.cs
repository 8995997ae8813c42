using Tandem.Domain.Configuration;

namespace Tandem.Web.Components.Data;

/// <summary>One connection on the dashboard.</summary>
public sealed record ConnectionSummary(
    string Id,
    string Name,
    string AppA,
    string AppB,
    ConnectionState State,
    string? Reason,
    DateTimeOffset? LastActivityAt,
    int InSync,
    int Excluded,
    int Failed);
