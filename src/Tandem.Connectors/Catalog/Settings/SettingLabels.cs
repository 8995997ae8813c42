namespace Tandem.Connectors.Catalog.Settings;

/// <summary>How messages name a setting: its label for people and its key for set-up files, such as “API token” (apiToken).</summary>
public sealed class SettingLabels
{
    private readonly IReadOnlyDictionary<string, SettingField> byProperty;

    internal SettingLabels(IReadOnlyDictionary<string, SettingField> byProperty)
    {
        this.byProperty = byProperty;
    }

    /// <summary>The setting of the property <paramref name="property"/> (pass <c>nameof(Property)</c>).</summary>
    public string this[string property] =>
        byProperty.TryGetValue(property, out var field)
            ? Name(field)
            : throw new ArgumentException($"'{property}' is not a setting property.", nameof(property));

    internal static string Name(SettingField field) => $"“{field.Label}” ({field.Key})";
}
