namespace Tandem.Connectors.Catalog.Settings;

/// <summary>
/// Reads a connector's settings class (properties marked <see cref="SettingAttribute"/>) as its authorisation form,
/// its parser and its validator at once, so a new connector declares each setting once and needs no UI code.
/// </summary>
public static class SettingsForm
{
    /// <summary>The form's fields, in the order the properties are declared.</summary>
    public static IReadOnlyList<SettingField> Fields<T>()
        where T : class, new() => SettingsBinder.Of(typeof(T)).Fields;

    /// <summary>How messages name the settings of <typeparamref name="T"/>.</summary>
    public static SettingLabels Labels<T>()
        where T : class, new() => SettingsBinder.Of(typeof(T)).Labels;

    /// <summary>
    /// Reads and checks an account's values: unknown keys, missing required settings, values the property's type or
    /// rule refuses, then <see cref="ISettingsRules"/>. Every problem is told at once, naming the setting by its label,
    /// never its value.
    /// </summary>
    /// <exception cref="ConnectorSettingsException">Something is wrong; the message lists every problem.</exception>
    public static T Parse<T>(AccountSettings settings)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(settings);
        return (T)SettingsBinder.Of(typeof(T)).Parse(settings, new T());
    }

    /// <summary>The values of <paramref name="settings"/> by key, those set and not empty only (what the consent flow stores).</summary>
    public static IReadOnlyDictionary<string, string> Values<T>(T settings)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(settings);
        return SettingsBinder.Of(typeof(T)).Values(settings);
    }
}
