namespace Tandem.Web.Services.Accounts;

/// <summary>A connected account as its owner sees it: its settings, which secrets are stored, never their values.</summary>
/// <param name="Id">The account's id.</param>
/// <param name="App">The app's key.</param>
/// <param name="AppName">The app's name.</param>
/// <param name="Name">What the user calls the account.</param>
/// <param name="Settings">The non-secret settings (base URL, region…).</param>
/// <param name="StoredSecrets">The keys of the secrets stored for it (their values are never returned).</param>
/// <param name="CreatedAt">When it was authorised.</param>
/// <param name="UsedBy">The ids of the connections that use it.</param>
public sealed record AccountView(
    string Id,
    string App,
    string AppName,
    string Name,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<string> StoredSecrets,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> UsedBy);
