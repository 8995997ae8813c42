using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tandem.Connectors.Testing.Specs;
using Tandem.Connectors.Webhooks;
using Tandem.Sandbox;
using Tandem.Sandbox.HubSpot;

namespace Tandem.Connectors.HubSpot.Tests;

/// <summary>
/// HubSpot webhooks v3 end to end between the sandbox and the connector's verifier: the app's settings and subscriptions
/// through the webhooks API, signed deliveries of contact events (a merge names the merged ids), refused when altered.
/// </summary>
public sealed class HubSpotWebhookTests : IAsyncLifetime
{
    private static readonly Uri Target = new("http://127.0.0.1:9/hooks/hubspot/conn-1");
    private readonly CapturingHandler deliveries = new();
    private readonly OpenApiValidator validator = HubSpotOpenApi.CreateValidator()
        .Mount("/", OpenApiDocument.LoadSpec("hubspot/webhooks.v3.json"))
        .Allow("* /webhooks/v3/* query.hapikey: parameter is not declared", "the file's developer_hapikey security scheme");
    private readonly HubSpotSandbox sandbox;
    private readonly IWebhookVerifier verifier = new HubSpotConnectorFactory().Descriptor.Webhooks!;
    private SandboxHost? host;

    public HubSpotWebhookTests()
    {
        sandbox = new HubSpotSandbox(new HubSpotSandboxOptions { SeedContacts = 3 }, webhookHandler: deliveries);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await SandboxHost.StartAsync(sandbox, port: 0, validator.Observe, Ct);

    public async ValueTask DisposeAsync()
    {
        await host!.DisposeAsync();
        sandbox.Dispose();
        deliveries.Dispose();
        validator.AssertNoViolations();
    }

    [Fact]
    public async Task The_apps_settings_take_the_developer_key_and_a_subscribed_change_arrives_signed_with_the_client_secret()
    {
        using var http = new HttpClient { BaseAddress = host!.BaseUri };
        var app = sandbox.Options.AppId.ToString(CultureInfo.InvariantCulture);
        var key = "?hapikey=" + sandbox.Options.DeveloperApiKey;
        using var withoutKey = await http.PutAsJsonAsync($"webhooks/v3/{app}/settings", Settings(), Ct);
        using var saved = await http.PutAsJsonAsync($"webhooks/v3/{app}/settings" + key, Settings(), Ct);
        using var subscribed = await http.PostAsJsonAsync($"webhooks/v3/{app}/subscriptions" + key, new JsonObject { ["eventType"] = "contact.propertyChange", ["propertyName"] = "jobtitle", ["active"] = true }, Ct);
        using var unwatched = await http.PostAsJsonAsync($"webhooks/v3/{app}/subscriptions" + key, new JsonObject { ["eventType"] = "contact.creation", ["active"] = false }, Ct);
        var contact = sandbox.ContactIds()[0];

        sandbox.EditContact(contact, new Dictionary<string, string> { ["jobtitle"] = "Webhook tester" });
        sandbox.EditContact(contact, new Dictionary<string, string> { ["company"] = "Not subscribed" });
        await sandbox.FlushWebhooksAsync();

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.Created], new[] { withoutKey.StatusCode, saved.StatusCode, subscribed.StatusCode, unwatched.StatusCode });
        var delivery = Assert.Single(deliveries.Received);
        Assert.Equal(Target, delivery.Url!);
        var change = Assert.Single(JsonNode.Parse(delivery.BodyText)!.AsArray())!;
        Assert.Equal(("contact.propertyChange", "jobtitle", "Webhook tester", contact), (Text(change, "subscriptionType"), Text(change, "propertyName"), Text(change, "propertyValue"), change["objectId"]!.ToString()));
        Assert.Equal(0, change["attemptNumber"]!.GetValue<int>());
        Assert.Null(verifier.Refuse(delivery, sandbox.Options.OAuthClientSecret));
        Assert.True(verifier.ConcernsContacts(delivery));
    }

    [Fact]
    public async Task A_merge_is_announced_with_the_merged_ids_and_an_altered_or_wrongly_keyed_delivery_is_refused()
    {
        using var http = new HttpClient { BaseAddress = host!.BaseUri };
        var key = "?hapikey=" + sandbox.Options.DeveloperApiKey;
        var app = sandbox.Options.AppId.ToString(CultureInfo.InvariantCulture);
        (await http.PutAsJsonAsync($"webhooks/v3/{app}/settings" + key, Settings(), Ct)).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"webhooks/v3/{app}/subscriptions" + key, new JsonObject { ["eventType"] = "contact.merge", ["active"] = true }, Ct)).EnsureSuccessStatusCode();
        var (primary, secondary) = (sandbox.ContactIds()[0], sandbox.ContactIds()[1]);

        sandbox.MergeContacts(primary, secondary);
        await sandbox.FlushWebhooksAsync();

        var delivery = Assert.Single(deliveries.Received);
        var headers = Assert.Single(deliveries.Headers);
        var merge = Assert.Single(JsonNode.Parse(delivery.BodyText)!.AsArray())!;
        Assert.Equal("contact.merge", Text(merge, "subscriptionType"));
        Assert.Equal(primary, merge["primaryObjectId"]!.ToString());
        Assert.Equal([secondary], merge["mergedObjectIds"]!.AsArray().Select(id => id!.ToString()));
        Assert.Null(verifier.Refuse(delivery, sandbox.Options.OAuthClientSecret));
        Assert.Equal("the signature does not match", verifier.Refuse(delivery, "another-apps-secret"));
        var altered = new WebhookDelivery("POST", headers, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(delivery.BodyText.Replace(secondary, "1", StringComparison.Ordinal))) { Url = Target };
        Assert.Equal("the signature does not match", verifier.Refuse(altered, sandbox.Options.OAuthClientSecret));
        var elsewhere = new WebhookDelivery("POST", headers, new Dictionary<string, string>(), delivery.Body) { Url = new Uri("http://127.0.0.1:9/hooks/hubspot/conn-2") };
        Assert.Equal("the signature does not match", verifier.Refuse(elsewhere, sandbox.Options.OAuthClientSecret));
    }

    private static JsonObject Settings() => new() { ["targetUrl"] = Target.ToString(), ["throttling"] = new JsonObject { ["maxConcurrentRequests"] = 10 } };

    private static string? Text(JsonNode node, string name) => node[name]?.GetValue<string>();

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public ConcurrentQueue<WebhookDelivery> Received { get; } = new();

        /// <summary>The headers of each delivery, in order.</summary>
        public ConcurrentQueue<Dictionary<string, string>> Headers { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = request.Headers.Concat(request.Content!.Headers).ToDictionary(h => h.Key, h => string.Join(',', h.Value), StringComparer.OrdinalIgnoreCase);
            Headers.Enqueue(headers);
            Received.Enqueue(new WebhookDelivery(request.Method.Method, headers, new Dictionary<string, string>(), await request.Content.ReadAsByteArrayAsync(cancellationToken)) { Url = request.RequestUri });
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
