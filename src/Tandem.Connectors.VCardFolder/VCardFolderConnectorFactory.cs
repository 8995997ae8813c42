using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;
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
        Settings = SettingsForm.Fields<VCardFolderSettings>(),
        Capabilities = Capabilities,
    };

    public IContactConnector Create(AccountSettings settings, ConnectorContext context) =>
        new VCardFolderConnector(VCardFolderSettings.From(settings), context);
}
