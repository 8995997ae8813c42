namespace Tandem.Connectors.Contract;

/// <summary>One value a setting may take in an account (<see cref="ISettingChoices"/>).</summary>
/// <param name="Value">What is stored as the setting (an id).</param>
/// <param name="Label">What the user sees (a name).</param>
public sealed record SettingChoice(string Value, string Label)
{
    /// <summary>Other words the value may be given by where settings are typed (a user's email beside their name).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}
