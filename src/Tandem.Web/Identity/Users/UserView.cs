namespace Tandem.Web.Identity.Users;

/// <summary>A user as the administrator sees them.</summary>
/// <param name="Id">The user's id.</param>
/// <param name="Email">Their email address.</param>
/// <param name="Administrator">True for the administrator.</param>
/// <param name="Disabled">True when the administrator disabled them: they cannot sign in and their API tokens are refused.</param>
public sealed record UserView(string Id, string Email, bool Administrator, bool Disabled);
