namespace Tandem.Web.Components.Pages.Wizard;

/// <summary>
/// A new connection's wizard choices, kept in the user's browser (encrypted local storage) between steps, so leaving
/// the wizard loses nothing: the dashboard and the wizard offer to continue it or discard it. Nothing is on the server.
/// </summary>
/// <param name="UserId">Whose draft it is (a shared browser shows no one else's).</param>
/// <param name="AppA">Side A's app key, or null.</param>
/// <param name="AppB">Side B's app key, or null.</param>
/// <param name="AccountA">Side A's account id, or null.</param>
/// <param name="AccountB">Side B's account id, or null.</param>
/// <param name="Step">The step the user was on.</param>
/// <param name="SettingsJson">The settings chosen so far (ConnectionSettingsJson), or null before the accounts are read.</param>
/// <param name="Name">The name given, or null.</param>
/// <param name="KeptAt">When it was kept.</param>
public sealed record KeptDraft(
    string UserId,
    string? AppA,
    string? AppB,
    string? AccountA,
    string? AccountB,
    WizardStep Step,
    string? SettingsJson,
    string? Name,
    DateTimeOffset KeptAt);
