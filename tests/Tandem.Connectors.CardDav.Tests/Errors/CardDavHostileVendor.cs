using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Connectors.Testing.Hostile;

namespace Tandem.Connectors.CardDav.Tests.Errors;

/// <summary>A WebDAV server as a hostile server plays it: every PROPFIND answered with a multistatus whose first href never ends.</summary>
internal sealed class CardDavHostileVendor : HostileVendor
{
    public override int BodyStatus => 207;

    public override ReadOnlyMemory<byte> BodyStart => "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/"u8.ToArray();

    public override string BodyType => "application/xml; charset=utf-8";

    public override bool IsListing(HttpRequest request) => true;

    public override JsonObject Setup(HttpRequest request, Uri server) => [];

    public override JsonObject Page(int number, bool more) => [];
}
