using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Connectors.Testing.Hostile;

namespace Tandem.Connectors.HubSpot.Tests.Hostile;

/// <summary>HubSpot as a hostile server plays it: honest, empty properties and lists, hostile <c>GET /crm/v3/objects/contacts</c>.</summary>
internal sealed class HubSpotHostileVendor : HostileVendor
{
    public override bool IsListing(HttpRequest request) => request.Path == "/crm/v3/objects/contacts";

    public override JsonObject Setup(HttpRequest request, Uri server) => request.Path == "/crm/v3/lists/search"
        ? new JsonObject { ["lists"] = new JsonArray(), ["hasMore"] = false, ["offset"] = 0, ["total"] = 0 }
        : new JsonObject { ["results"] = new JsonArray() };

    public override JsonObject Page(int number, bool more)
    {
        var page = new JsonObject { ["results"] = new JsonArray() };
        if (more)
        {
            page["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = (number * 100).ToString(CultureInfo.InvariantCulture) } };
        }

        return page;
    }
}
