namespace Tandem.Web.Api;

/// <summary>A token to make, named after what will use it.</summary>
/// <param name="Name">What will use it ("backup script").</param>
/// <param name="ExpiresAt">When it stops working; null or left out for never.</param>
/// <param name="ReadOnly">True for a token that can only read (GET); it is refused for every change.</param>
public sealed record CreateTokenRequest(string? Name, DateTimeOffset? ExpiresAt = null, bool ReadOnly = false);
