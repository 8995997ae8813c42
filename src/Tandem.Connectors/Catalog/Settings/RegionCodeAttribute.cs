namespace Tandem.Connectors.Catalog.Settings;

/// <summary>A two-letter region (ISO 3166 alpha-2) such as BE or US, read in capitals.</summary>
public sealed class RegionCodeAttribute : SettingRuleAttribute
{
    public override SettingCheck Check(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var region = value.ToUpperInvariant();
        return region.Length == 2 && region.All(char.IsAsciiLetterUpper)
            ? SettingCheck.Ok(region)
            : SettingCheck.Fail("must be a two-letter region code such as BE or US.");
    }
}
