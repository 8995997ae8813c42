using System.Xml.Linq;

namespace Tandem.Connectors.CardDav.Dav;

/// <summary>The XML names of WebDAV (RFC 4918, 6578, 5397) and CardDAV (RFC 6352) that Tandem uses.</summary>
internal static class DavNames
{
    public static readonly XNamespace Dav = "DAV:";
    public static readonly XNamespace CardDav = "urn:ietf:params:xml:ns:carddav";

    public static readonly XName Multistatus = Dav + "multistatus";
    public static readonly XName Response = Dav + "response";
    public static readonly XName Href = Dav + "href";
    public static readonly XName Status = Dav + "status";
    public static readonly XName Propstat = Dav + "propstat";
    public static readonly XName Prop = Dav + "prop";
    public static readonly XName Propfind = Dav + "propfind";
    public static readonly XName ResourceType = Dav + "resourcetype";
    public static readonly XName Collection = Dav + "collection";
    public static readonly XName DisplayName = Dav + "displayname";
    public static readonly XName GetEtag = Dav + "getetag";
    public static readonly XName SyncToken = Dav + "sync-token";
    public static readonly XName SyncLevel = Dav + "sync-level";
    public static readonly XName SyncCollection = Dav + "sync-collection";
    public static readonly XName ValidSyncToken = Dav + "valid-sync-token";
    public static readonly XName CurrentUserPrincipal = Dav + "current-user-principal";
    public static readonly XName SupportedReportSet = Dav + "supported-report-set";

    public static readonly XName AddressBook = CardDav + "addressbook";
    public static readonly XName AddressBookHomeSet = CardDav + "addressbook-home-set";
    public static readonly XName AddressBookMultiget = CardDav + "addressbook-multiget";
    public static readonly XName AddressData = CardDav + "address-data";
}
