using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.VCardFolder;

/// <summary>Creates connectors for folders of vCard files (app key <c>vcard-folder</c>).</summary>
public sealed class VCardFolderConnectorFactory : IConnectorFactory
{
    /// <summary>The app key in the catalogue.</summary>
    public const string App = "vcard-folder";

    internal static ConnectorCapabilities Capabilities { get; } = new()
    {
        ChangeFeed = ChangeFeedKind.VersionListing,
        DetectsDeletions = true,
        TagContainer = "CATEGORIES",
        ReadBatchSize = 500,
        WriteBatchSize = 500,
        Filters = StandardFilters.FieldsAndTags,
        Actions = [ActionKind.AddTag, ActionKind.SetField],
    };

    public ConnectorDescriptor Descriptor { get; } = new(App, "vCard folder")
    {
        Settings =
        [
            new SettingField(
                VCardFolderSettings.PathKey,
                "Folder",
                "The folder that holds one .vcf file per contact, as vdirsyncer and khard keep them (for example /home/me/.contacts/personal). Tandem reads and writes the files in place."),
            new SettingField(
                VCardFolderSettings.DefaultRegionKey,
                "Default phone region",
                "The two-letter country code (such as BE or US) of phone numbers written without a country code. Leave empty if every number starts with +.")
            {
                IsRequired = false,
            },
        ],
        Capabilities = Capabilities,
    };

    public IContactConnector Create(AccountSettings settings, ConnectorContext context) =>
        new VCardFolderConnector(VCardFolderSettings.From(settings), context);
}
