using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Connectors.Testing.Hostile;

namespace Tandem.Connectors.Salesmate.Tests.Hostile;

/// <summary>
/// Salesmate as a hostile server plays it: honest fields and users, hostile contact searches. Each page of an endless
/// listing is full (250 rows) and starts with the last row of the page before, as the connector's overlap check expects
/// of a listing nobody changes.
/// </summary>
internal sealed class SalesmateHostileVendor : HostileVendor
{
    private const int Rows = 250;

    public override bool IsListing(HttpRequest request) => request.Path == "/apis/contact/v4/search";

    public override JsonObject Setup(HttpRequest request, Uri server) => new() { ["Status"] = "success", ["Data"] = new JsonArray() };

    public override JsonObject Page(int number, bool more)
    {
        var rows = new JsonArray();
        if (more)
        {
            var first = ((number - 1) * (Rows - 1)) + 1;
            for (var id = first; id < first + Rows; id++)
            {
                rows.Add(new JsonObject { ["id"] = id, ["lastModifiedAt"] = "2026-01-01T00:00:00.000Z" });
            }
        }

        return new JsonObject { ["Status"] = "success", ["Data"] = new JsonObject { ["data"] = rows } };
    }
}
