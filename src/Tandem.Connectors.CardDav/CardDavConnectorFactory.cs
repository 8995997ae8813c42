using System.Runtime.CompilerServices;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Domain.Configuration;

namespace Tandem.Connectors.CardDav;

/// <summary>Creates connectors for CardDAV address books (app key <c>carddav</c>).</summary>
public sealed class CardDavConnectorFactory : IConnectorFactory, ICollectionDiscovery
{
    /// <summary>The app key in the catalogue.</summary>
    public const string App = "carddav";

    private readonly CardDavOptions options;
    private readonly ConditionalWeakTable<NetworkPolicy, NetworkPolicy> widened = [];

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

    public IContactConnector Create(AccountSettings settings, ConnectorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new CardDavConnector(CardDavSettings.From(settings), options, context with { Network = Widened(context.Network) });
    }

    public string CollectionNoun => "address book";

    public string CollectionSetting => "addressBook";

    public string? AddressSetting => "url";

    public string? UserSetting => "username";

    public string? SecretSetting => "password";

    /// <summary>The account's address books with their card count and whether they offer sync-collection (RFC 6578).</summary>
    public async Task<IReadOnlyList<DiscoveredCollection>> DiscoverAsync(AccountSettings settings, ConnectorContext context, CancellationToken cancellationToken)
    {
        await using var connector = (CardDavConnector)Create(settings, context);
        var books = await connector.ListAddressBooksAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<DiscoveredCollection>();
        foreach (var book in books)
        {
            var cards = await connector.CountCardsAsync(book, cancellationToken).ConfigureAwait(false);
            found.Add(new DiscoveredCollection(
                book.Name,
                book.DisplayName,
                [new("URL", book.Url.AbsoluteUri), new("cards", cards.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("sync-token", book.SupportsSyncCollection ? "yes" : "no")],
                book.SupportsSyncCollection ? new Dictionary<string, string>() : new Dictionary<string, string> { ["changeFeed"] = "etag-listing" }));
        }

        return found;
    }

    /// <summary>The host's policy plus what these options allow; one instance per host policy, so connections stay pooled.</summary>
    private NetworkPolicy Widened(NetworkPolicy host) =>
        !options.AllowPrivateNetworks && options.AllowedHosts.Count == 0
            ? host
            : widened.GetValue(host, h => h.WithPrivateNetworks(h.AllowPrivateNetworks || options.AllowPrivateNetworks).AndAllowingHosts(options.AllowedHosts));

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
