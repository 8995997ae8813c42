namespace Tandem.Web.Services.Catalog;

/// <summary>One field of an app's authorisation form, as the connector describes it.</summary>
/// <param name="Key">The key to send the value under.</param>
/// <param name="Label">The label to show.</param>
/// <param name="Help">Where to find the value in the app.</param>
/// <param name="IsSecret">Show as a password field; the value is stored encrypted and never shown again.</param>
/// <param name="IsRequired">The form cannot be sent without it.</param>
/// <param name="SandboxValue">The value that reaches the sandbox of this app, pre-filled in sandbox mode; null otherwise.</param>
public sealed record SettingFieldView(string Key, string Label, string Help, bool IsSecret, bool IsRequired, string? SandboxValue)
{
    /// <summary>The app lists the values to pick from once the other settings are filled.</summary>
    public bool HasChoices { get; init; }
}
