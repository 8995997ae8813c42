namespace Tandem.Connectors.Catalog.Settings;

/// <summary>A check of one setting's text, applied by <see cref="SettingsForm"/> before the property is set.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public abstract class SettingRuleAttribute : Attribute
{
    /// <summary>The value as the connector reads it, or the problem ("must be …") when it is not acceptable.</summary>
    /// <param name="value">The trimmed, non-empty text.</param>
    public abstract SettingCheck Check(string value);
}
