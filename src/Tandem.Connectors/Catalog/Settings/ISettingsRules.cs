namespace Tandem.Connectors.Catalog.Settings;

/// <summary>
/// Checks that span several settings (an API token or the OAuth trio), run by <see cref="SettingsForm"/> once
/// every property is read and passed its own checks.
/// </summary>
public interface ISettingsRules
{
    /// <summary>What is wrong, one sentence each; name settings through <paramref name="labels"/>, never by their values.</summary>
    IEnumerable<string> Problems(SettingLabels labels);
}
