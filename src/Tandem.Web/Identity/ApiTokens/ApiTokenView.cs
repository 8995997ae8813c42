namespace Tandem.Web.Identity.ApiTokens;

/// <summary>An API token as its owner sees it later: never the token itself.</summary>
/// <param name="Id">The token's id (to revoke it).</param>
/// <param name="Name">What the user called it.</param>
/// <param name="Prefix">The first characters of the token, to tell tokens apart.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="LastUsedAt">When it last signed a request in, or null.</param>
/// <param name="ExpiresAt">When it stops working, or null for never.</param>
/// <param name="ReadOnly">True when it can only read.</param>
public sealed record ApiTokenView(string Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? ExpiresAt = null, bool ReadOnly = false);
