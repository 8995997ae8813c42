using Tandem.Connectors.Catalog;

namespace Tandem.Connectors.VCardFolder;

/// <summary>The settings of one vCard folder account, validated.</summary>
/// <param name="Path">The folder's absolute path.</param>
/// <param name="DefaultRegion">The region phone numbers without a country code belong to (ISO 3166 alpha-2), or null.</param>
internal sealed record VCardFolderSettings(string Path, string? DefaultRegion)
{
    public const string PathKey = "path";

    public const string DefaultRegionKey = "defaultRegion";

    /// <summary>Reads and checks the settings; errors name the setting, never its value.</summary>
    public static VCardFolderSettings From(AccountSettings settings)
    {
        var path = settings.Require(PathKey).Trim();
        string full;
        try
        {
            full = System.IO.Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ConnectorSettingsException($"The setting '{PathKey}' is not a valid folder path.", ex);
        }

        var region = settings.Get(DefaultRegionKey)?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(region))
        {
            region = null;
        }
        else if (region.Length != 2 || !region.All(char.IsAsciiLetterUpper))
        {
            throw new ConnectorSettingsException($"The setting '{DefaultRegionKey}' must be a two-letter region code such as BE or US.");
        }

        return new VCardFolderSettings(full, region);
    }
}
