using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;
using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.CardDav;

/// <summary>Creates connectors for CardDAV address books (app key <c>carddav</c>).</summary>
public sealed class CardDavConnectorFactory : IConnectorFactory
{
    /// <summary>The app key in the catalogue.</summary>
    public const string App = "carddav";

    private readonly CardDavOptions options;

    public CardDavConnectorFactory()
        : this(new CardDavOptions())
    {
    }

    public CardDavConnectorFactory(CardDavOptions options)
    {
        this.options = options;
        Descriptor = new ConnectorDescriptor(App, "CardDAV address book")
        {
            Settings = SettingsForm.Fields<CardDavSettings>(),
            Capabilities = CapabilitiesFor(ChangeFeedMode.SyncToken, options),
        };
    }

    public ConnectorDescriptor Descriptor { get; }

    public IContactConnector Create(AccountSettings settings, ConnectorContext context) =>
        new CardDavConnector(CardDavSettings.From(settings), options, context);

    internal static ConnectorCapabilities CapabilitiesFor(ChangeFeedMode mode, CardDavOptions options) => new()
    {
        ChangeFeed = mode == ChangeFeedMode.SyncToken ? ChangeFeedKind.Cursor : ChangeFeedKind.VersionListing,
        DetectsDeletions = true,
        TagContainer = "CATEGORIES",
        ReadBatchSize = Math.Max(1, options.MultigetBatchSize),
        // Writes are still one request each (CardDAV has no batch write), but a batch lets the updates in it read
        // their cards with one multiget instead of a GET each.
        WriteBatchSize = Math.Max(1, options.MultigetBatchSize),
        Filters = StandardFilters.FieldsAndTags,
        Actions = [ActionKind.AddTag, ActionKind.SetField],
    };
}
