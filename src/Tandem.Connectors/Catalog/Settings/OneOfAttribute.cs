namespace Tandem.Connectors.Catalog.Settings;

/// <summary>One of a few words (any case), read as the first spelling listed that matches.</summary>
/// <param name="words">The accepted words; the message lists them all.</param>
public sealed class OneOfAttribute(params string[] words) : SettingRuleAttribute
{
    public IReadOnlyList<string> Words { get; } = words;

    public override SettingCheck Check(string value) =>
        Words.FirstOrDefault(w => string.Equals(w, value, StringComparison.OrdinalIgnoreCase)) is { } word
            ? SettingCheck.Ok(word)
            : SettingCheck.Fail($"must be one of {string.Join(", ", Words)}.");
}
