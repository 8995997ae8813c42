using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Connectors.Testing.Hostile;

namespace Tandem.Connectors.Mailchimp.Tests.Hostile;

/// <summary>
/// Mailchimp as a hostile server plays it: honest, empty schema collections and OAuth metadata (naming
/// <see cref="ApiEndpoint"/>), hostile member listing (newest change first is the archive check, not the listing).
/// </summary>
internal sealed class MailchimpHostileVendor : HostileVendor
{
    /// <summary>What <c>/oauth2/metadata</c> names as the account's API endpoint; null names the server itself.</summary>
    public Uri? ApiEndpoint { get; set; }

    public override bool IsListing(HttpRequest request) =>
        request.Path.Value?.EndsWith("/members", StringComparison.Ordinal) == true && request.Query["sort_dir"] == "ASC";

    public override JsonObject Setup(HttpRequest request, Uri server) =>
        request.Path == "/oauth2/metadata"
            ? new JsonObject { ["dc"] = "us1", ["api_endpoint"] = (ApiEndpoint ?? server).ToString().TrimEnd('/') }
            : new JsonObject
            {
                ["members"] = new JsonArray(),
                ["merge_fields"] = new JsonArray(),
                ["categories"] = new JsonArray(),
                ["interests"] = new JsonArray(),
                ["total_items"] = 0,
            };

    // An endless listing of fresh members, each changed a second after the one before, always "more of them".
    public override JsonObject Page(int number, bool more) =>
        more
            ? new JsonObject
            {
                ["members"] = new JsonArray(Member(number)),
                ["total_items"] = int.MaxValue,
            }
            : new JsonObject { ["members"] = new JsonArray(), ["total_items"] = 0 };

    private static JsonObject Member(int number) => new()
    {
        ["id"] = "member" + number.ToString(CultureInfo.InvariantCulture),
        ["contact_id"] = "contact" + number.ToString(CultureInfo.InvariantCulture),
        ["email_address"] = $"endless{number}@example.com",
        ["status"] = "subscribed",
        ["last_changed"] = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(number).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture),
        ["merge_fields"] = new JsonObject(),
        ["tags"] = new JsonArray(),
    };
}
