namespace Tandem.Connectors.Catalog;

/// <summary>
/// One field of the form a user fills to authorise an account. The UI renders the form from these,
/// so a new connector needs no UI code.
/// </summary>
/// <param name="Key">The setting's key in the account's settings.</param>
/// <param name="Label">The label shown.</param>
/// <param name="Help">Where to find the value in the app.</param>
public sealed record SettingField(string Key, string Label, string Help)
{
    /// <summary>Secrets are stored encrypted and never shown again.</summary>
    public bool IsSecret { get; init; }

    public bool IsRequired { get; init; } = true;

    /// <summary>The provider's consent flow fills it (the client, the token, the provider's addresses): never asked of the user first.</summary>
    public bool IsFilledByConsent { get; init; }

    /// <summary>The app lists the values to pick from once the other settings are given (<see cref="Contract.ISettingChoices"/>).</summary>
    public bool HasChoices { get; init; }

    /// <summary>
    /// The value is an address the connector sends requests (and credentials) to. For an app with a consent page
    /// only the server sets it (the sandbox's own, the operator's client, the provider's answer), never a user.
    /// </summary>
    public bool IsAddress { get; init; }
}
