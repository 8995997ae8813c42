using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;

namespace Tandem.Connectors.VCardFolder;

/// <summary>The settings of one vCard folder account, as its form, parser and validator.</summary>
internal sealed class VCardFolderSettings : ISettingsRules
{
    [Setting("path", "Folder", Required = true, Help = "The folder that holds one .vcf file per contact, as vdirsyncer and khard keep them (for example /home/me/.contacts/personal). Tandem reads and writes the files in place.")]
    public string GivenPath { get; init; } = string.Empty;

    /// <summary>The region phone numbers without a country code belong to (ISO 3166 alpha-2), or null.</summary>
    [Setting("defaultRegion", "Default phone region", Help = "The two-letter country code (such as BE or US) of phone numbers written without a country code. Leave empty if every number starts with +.")]
    [RegionCode]
    public string? DefaultRegion { get; init; }

    /// <summary>The folder's absolute path.</summary>
    public string Path => FullPath(GivenPath) ?? throw new InvalidOperationException("The folder path was not checked.");

    /// <summary>Reads and checks the settings; errors name the setting, never its value.</summary>
    public static VCardFolderSettings From(AccountSettings settings) => SettingsForm.Parse<VCardFolderSettings>(settings);

    public IEnumerable<string> Problems(SettingLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (FullPath(GivenPath) is null)
        {
            yield return $"The setting {labels[nameof(GivenPath)]} is not a valid folder path.";
        }
    }

    private static string? FullPath(string path)
    {
        try
        {
            return System.IO.Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }
}
