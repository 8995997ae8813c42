using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Connectors.Testing.Hostile;

namespace Tandem.Connectors.Pipeliner.Tests.Hostile;

/// <summary>Pipeliner as a hostile server plays it: honest Fields and Sales Units (none) and Clients (the account's user), hostile <c>GET entities/Contacts</c>.</summary>
internal sealed class PipelinerHostileVendor : HostileVendor
{
    public override bool IsListing(HttpRequest request) => request.Path.Value?.EndsWith("/entities/Contacts", StringComparison.Ordinal) == true;

    public override JsonObject Setup(HttpRequest request, Uri server)
    {
        var page = Page(1, more: false);
        if (request.Path.Value?.EndsWith("/entities/Clients", StringComparison.Ordinal) == true)
        {
            // The account's user, so the settings' owner is one of the space's users.
            page["data"] = new JsonArray(new JsonObject { ["id"] = "owner", ["formatted_name"] = "Owner" });
        }

        return page;
    }

    public override JsonObject Page(int number, bool more) => new()
    {
        ["success"] = true,
        ["data"] = new JsonArray(),
        ["page_info"] = new JsonObject { ["has_previous_page"] = number > 1, ["has_next_page"] = more, ["end_cursor"] = "cursor-" + (number + 1) },
    };
}
