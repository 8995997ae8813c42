using Tandem.Domain.Configuration;

namespace Tandem.Web.Services.Status;

/// <summary>Contacts of one app that share a matching key (the same email twice): Tandem syncs none of them until the user cleans up in the app.</summary>
/// <param name="Side">The app that holds them.</param>
/// <param name="What">What they share, in words ("email address").</param>
/// <param name="Value">The shared value, normalised.</param>
/// <param name="Contacts">Every contact holding it.</param>
public sealed record DuplicateGroup(Side Side, string What, string Value, IReadOnlyList<DuplicateContact> Contacts);
