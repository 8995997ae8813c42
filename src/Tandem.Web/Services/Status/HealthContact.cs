using Tandem.Domain.Configuration;
using Tandem.Engine.State;

namespace Tandem.Web.Services.Status;

/// <summary>One contact's health. Its name and email are the user's own data: show them to the user, never log them.</summary>
/// <param name="Side">The side the contact is on.</param>
/// <param name="RecordId">Its id in that app.</param>
/// <param name="Name">Its name as Tandem last saw it, when its app has name fields and the contact a name.</param>
/// <param name="Email">Its normalised email, when it has one.</param>
/// <param name="Status">Excluded or failed.</param>
/// <param name="Reason">Why.</param>
/// <param name="Since">When it got that health.</param>
public sealed record HealthContact(Side Side, string RecordId, string? Name, string? Email, HealthStatus Status, string? Reason, DateTimeOffset Since);
