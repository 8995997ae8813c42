using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Connectors.Testing.Hostile;

namespace Tandem.Connectors.Pipeliner.Tests.Hostile;

/// <summary>Pipeliner as a hostile server plays it: honest, empty Fields, Clients and Sales Units, hostile <c>GET entities/Contacts</c>.</summary>
internal sealed class PipelinerHostileVendor : HostileVendor
{
    public override bool IsListing(HttpRequest request) => request.Path.Value?.EndsWith("/entities/Contacts", StringComparison.Ordinal) == true;

    public override JsonObject Setup(HttpRequest request, Uri server) => Page(1, more: false);

    public override JsonObject Page(int number, bool more) => new()
    {
        ["success"] = true,
        ["data"] = new JsonArray(),
        ["page_info"] = new JsonObject { ["has_previous_page"] = number > 1, ["has_next_page"] = more, ["end_cursor"] = "cursor-" + (number + 1) },
    };
}
