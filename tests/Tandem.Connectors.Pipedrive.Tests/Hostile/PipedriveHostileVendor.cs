using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Connectors.Testing.Hostile;

namespace Tandem.Connectors.Pipedrive.Tests.Hostile;

/// <summary>Pipedrive as a hostile server plays it: an honest, empty field list and organisations, hostile <c>GET /api/v2/persons</c>.</summary>
internal sealed class PipedriveHostileVendor : HostileVendor
{
    public override bool IsListing(HttpRequest request) => request.Path == "/api/v2/persons";

    public override JsonObject Setup(HttpRequest request, Uri server) => new()
    {
        ["success"] = true,
        ["data"] = new JsonArray(),
        ["additional_data"] = new JsonObject { ["pagination"] = new JsonObject { ["more_items_in_collection"] = false }, ["next_cursor"] = null },
    };

    public override JsonObject Page(int number, bool more) => new()
    {
        ["success"] = true,
        ["data"] = new JsonArray(),
        ["additional_data"] = new JsonObject { ["next_cursor"] = more ? "cursor-" + (number + 1) : null },
    };
}
