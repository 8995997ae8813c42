namespace Tandem.Web.Services.Accounts;

/// <summary>The result of trying an account against its app.</summary>
/// <param name="Ok">The app accepted the credentials and listed contacts.</param>
/// <param name="Reason">Why it failed (wrong key, expired, no permission, unreachable), or null.</param>
/// <param name="ContactsSeen">Contacts on the first page the app returned, when it worked; null for a write-only app, which lists none.</param>
public sealed record AccountCheck(bool Ok, string? Reason, int? ContactsSeen);
