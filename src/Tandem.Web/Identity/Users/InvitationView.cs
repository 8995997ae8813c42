namespace Tandem.Web.Identity.Users;

/// <summary>An invitation to sign up with one email address: the link to send, and until when it works.</summary>
public sealed record InvitationView(string Email, Uri Link, DateTimeOffset ExpiresAt);
