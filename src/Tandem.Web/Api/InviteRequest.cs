namespace Tandem.Web.Api;

/// <summary>Whom to invite.</summary>
public sealed record InviteRequest(string? Email);
