using Tandem.Domain.Configuration;

namespace Tandem.Web.Components.Data;

/// <summary>One contact that is not in sync: excluded or failed, on which side, and why.</summary>
public sealed record HealthEntry(Side Side, string RecordId, bool Failed, string Reason, DateTimeOffset Since);
