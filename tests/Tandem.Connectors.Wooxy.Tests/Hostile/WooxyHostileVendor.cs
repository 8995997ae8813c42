using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Connectors.Testing.Hostile;

namespace Tandem.Connectors.Wooxy.Tests.Hostile;

/// <summary>
/// Wooxy as a hostile server plays it: Wooxy lists no contacts, so the first thing an account reads, the contact list
/// (<c>contact-list/find</c>), is where it misbehaves; <c>contact-list/get</c> answers honestly.
/// </summary>
internal sealed class WooxyHostileVendor : HostileVendor
{
    private const string ListId = "list-1";

    public override bool IsListing(HttpRequest request) => request.Path == "/v3/contact-list/find";

    public override JsonObject Setup(HttpRequest request, Uri server) =>
        new() { ["result"] = true, ["data"] = List() };

    public override JsonObject Page(int number, bool more) =>
        new() { ["result"] = true, ["data"] = new JsonArray(List()) };

    private static JsonObject List() => new()
    {
        ["contactListName"] = "Default Contact List",
        ["contactListId"] = ListId,
        ["customVariables"] = new JsonArray(),
    };
}
