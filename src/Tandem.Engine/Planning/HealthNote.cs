using Tandem.Domain.Configuration;
using Tandem.Engine.State;

namespace Tandem.Engine.Planning;

/// <summary>The health a record gets from this run, with the reason in words a user understands.</summary>
public sealed record HealthNote(Side Side, string RecordId, HealthStatus Status, string? Reason, long ContentHash);
