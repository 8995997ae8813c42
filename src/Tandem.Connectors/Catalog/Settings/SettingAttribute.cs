namespace Tandem.Connectors.Catalog.Settings;

/// <summary>
/// Declares a property of a connector's settings class as one field of its authorisation form (Sonarr's
/// <c>[FieldDefinition]</c>): <see cref="SettingsForm"/> renders the form from it, reads the stored value into the
/// property and checks it, so a setting is declared once.
/// </summary>
/// <param name="key">The key the value is stored under in the account and in set-up files; never change it once shipped.</param>
/// <param name="label">The label users see; errors name the setting by it.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class SettingAttribute(string key, string label) : Attribute
{
    public string Key { get; } = key;

    public string Label { get; } = label;

    /// <summary>Where to find the value in the app (the hint shown under the field).</summary>
    public string Help { get; set; } = string.Empty;

    /// <summary>Stored encrypted and never shown again.</summary>
    public bool Secret { get; set; }

    /// <summary>The form cannot be sent without it.</summary>
    public bool Required { get; set; }

    /// <summary>
    /// The app lists the values it may take once the other settings are given (the connector is an
    /// <see cref="Contract.ISettingChoices"/>): the form offers them to pick from instead of asking the user to type one.
    /// </summary>
    public bool Choices { get; set; }

    /// <summary>The provider's consent flow fills it (the client, the token, the provider's addresses): never asked first.</summary>
    public bool FilledByConsent { get; set; }
}
