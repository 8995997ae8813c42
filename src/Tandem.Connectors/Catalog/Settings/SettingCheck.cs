namespace Tandem.Connectors.Catalog.Settings;

/// <summary>The outcome of a <see cref="SettingRuleAttribute"/>: the value to use, or what is wrong with it.</summary>
/// <param name="Value">The value, normalised (such as a region code in capitals).</param>
/// <param name="Problem">What is wrong, to follow the setting's name ("must be …."); never contains the value.</param>
public sealed record SettingCheck(string Value, string? Problem)
{
    public static SettingCheck Ok(string value) => new(value, null);

    public static SettingCheck Fail(string problem) => new(string.Empty, problem);
}
