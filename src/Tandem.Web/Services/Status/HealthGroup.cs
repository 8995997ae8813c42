using Tandem.Domain.Configuration;
using Tandem.Engine.State;

namespace Tandem.Web.Services.Status;

/// <summary>Contacts of one side with the same health and reason.</summary>
public sealed record HealthGroup(Side Side, HealthStatus Status, string? Reason, int Count);
