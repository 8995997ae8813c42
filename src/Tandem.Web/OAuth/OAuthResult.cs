using Tandem.Web.Services.Accounts;

namespace Tandem.Web.OAuth;

/// <summary>The account a consent flow stored.</summary>
/// <param name="Account">The account as its owner sees it.</param>
/// <param name="Reauthorised">True when an existing account got new credentials.</param>
public sealed record OAuthResult(AccountView Account, bool Reauthorised);
