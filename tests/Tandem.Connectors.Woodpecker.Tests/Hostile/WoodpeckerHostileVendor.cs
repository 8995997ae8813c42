using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Connectors.Testing.Hostile;

namespace Tandem.Connectors.Woodpecker.Tests.Hostile;

/// <summary>Woodpecker as a hostile server plays it: hostile <c>GET /rest/v1/prospects</c>, whose pages are bare arrays; a full page claims more.</summary>
internal sealed class WoodpeckerHostileVendor : HostileVendor
{
    public override bool IsListing(HttpRequest request) => request.Path == "/rest/v1/prospects";

    public override JsonObject Setup(HttpRequest request, Uri server) => [];

    public override JsonObject Page(int number, bool more) => throw new NotSupportedException("Woodpecker's pages are arrays.");

    public override JsonNode PageBody(int number, bool more) => new JsonArray([.. Enumerable.Range(0, more ? 1000 : 1).Select(i => (JsonNode)new JsonObject
    {
        ["id"] = (number * 1000) + i,
        ["email"] = $"p{number}-{i}@example.com",
        ["updated"] = "2026-01-01T00:00:00+0000",
    })]);
}
