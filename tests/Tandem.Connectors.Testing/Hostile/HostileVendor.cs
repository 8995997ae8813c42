using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Connectors.Testing.Hostile;

/// <summary>What a <see cref="HostileServer"/> needs to know of one vendor's API to play it: which requests list contacts, and the honest answers around them.</summary>
public abstract class HostileVendor
{
    /// <summary>True for the requests that list contacts (where the hostility is played); the others get <see cref="Setup"/>.</summary>
    public abstract bool IsListing(HttpRequest request);

    /// <summary>An honest answer to a request around the listing (a token, the field list, OAuth metadata).</summary>
    public abstract JsonObject Setup(HttpRequest request, Uri server);

    /// <summary>The status a hostile body comes with (a WebDAV server's listing is 207).</summary>
    public virtual int BodyStatus => 200;

    /// <summary>How a hostile body starts: one value that then never closes.</summary>
    public virtual ReadOnlyMemory<byte> BodyStart => "{\"pad\":\""u8.ToArray();

    /// <summary>The type a hostile body claims.</summary>
    public virtual string BodyType => "application/json";

    /// <summary>Listing page <paramref name="number"/> (from 1); <paramref name="more"/> says whether the page claims that more follow.</summary>
    public abstract JsonObject Page(int number, bool more);

    /// <summary>Listing page <paramref name="number"/> as sent; a vendor whose listings are bare arrays (Woodpecker) overrides it.</summary>
    public virtual JsonNode PageBody(int number, bool more) => Page(number, more);
}
