namespace Tandem.Web.Identity.ApiTokens;

/// <summary>What a valid token signs in: its owner, and whether it may only read.</summary>
public sealed record ApiTokenGrant(string UserId, string TokenId, bool ReadOnly);
