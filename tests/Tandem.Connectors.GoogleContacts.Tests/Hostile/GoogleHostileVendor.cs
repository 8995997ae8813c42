using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Connectors.Testing.Hostile;

namespace Tandem.Connectors.GoogleContacts.Tests.Hostile;

/// <summary>The People API as a hostile server plays it: honest tokens, hostile <c>connections.list</c>.</summary>
internal sealed class GoogleHostileVendor : HostileVendor
{
    public override bool IsListing(HttpRequest request) => request.Path == "/v1/people/me/connections";

    public override JsonObject Setup(HttpRequest request, Uri server) =>
        request.Path == "/token"
            ? new JsonObject { ["access_token"] = "hostile-access", ["expires_in"] = 3600, ["token_type"] = "Bearer" }
            : new JsonObject { ["contactGroups"] = new JsonArray() };

    public override JsonObject Page(int number, bool more) =>
        more
            ? new JsonObject { ["connections"] = new JsonArray(), ["nextPageToken"] = "page-" + (number + 1) }
            : new JsonObject { ["connections"] = new JsonArray(), ["nextSyncToken"] = "sync-" + number };
}
