using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Pipedrive;
using Tandem.Connectors.Testing.Specs;
using Tandem.Connectors.Testing;
using Tandem.Domain.Fields;
using Tandem.Sandbox;
using Tandem.Sandbox.Pipedrive;

namespace Tandem.Connectors.Pipedrive.Tests;

/// <summary>Pipedrive webhooks: the sandbox keeps them and delivers person events; the connector registers, removes and parses them.</summary>
public sealed class PipedriveWebhookTests : IAsyncLifetime
{
    private static readonly Uri Intake = new("http://127.0.0.1:9/hooks/pipedrive/conn-1");
    private readonly CapturingHandler deliveries = new();
    private readonly OpenApiValidator validator = PipedriveOpenApi.CreateValidator();
    private readonly PipedriveSandbox sandbox;
    private SandboxHost? host;

    public PipedriveWebhookTests()
    {
        sandbox = new PipedriveSandbox(new PipedriveSandboxOptions { SeedPersons = 5 }, webhookHandler: deliveries);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await SandboxHost.StartAsync(sandbox, port: 0, validator.Observe, Ct);

    public async ValueTask DisposeAsync()
    {
        await host!.DisposeAsync();
        deliveries.Dispose();
        validator.AssertNoViolations();
    }

    [Fact]
    public async Task A_registered_webhook_delivers_creates_changes_and_deletes_with_basic_auth_and_parses_to_person_ids()
    {
        await using var connector = Connect();
        _ = await connector.RegisterWebhookAsync(Intake, "tandem", "s3cret", Ct);
        var webhookId = await connector.RegisterWebhookAsync(Intake, "tandem", "s3cret", Ct);

        var fields = ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, FieldValue>
        {
            ["name.full"] = Values.Text("Web Hook"),
            ["emails"] = new ListValue(FieldType.Email, [new LabelledValue("work", Values.Email("web.hook@example.com"))]),
        });
        var created = Assert.Single(await connector.WriteAsync([new CreateOperation("c1", "ref-1", fields, ImmutableSortedSet<string>.Empty)], Ct));
        var id = created.Record!.Id;
        sandbox.EditPerson(int.Parse(id, CultureInfo.InvariantCulture), new JsonObject { ["notes"] = "called back" });
        sandbox.DeletePerson(int.Parse(id, CultureInfo.InvariantCulture));
        await sandbox.FlushWebhooksAsync();

        var received = deliveries.Received.ToList();
        Assert.Equal(3, received.Count);
        Assert.All(received, r => Assert.Equal(Intake, r.Url));
        Assert.All(received, r => Assert.True(PipedriveWebhookDelivery.IsAuthorized(r.Authorization, "tandem", "s3cret")));
        Assert.False(PipedriveWebhookDelivery.IsAuthorized(received[0].Authorization, "tandem", "wrong"));
        AssertDelivery(received[0], changed: [id], deleted: []);
        AssertDelivery(received[1], changed: [id], deleted: []);
        AssertDelivery(received[2], changed: [], deleted: [id]);
        var change = JsonNode.Parse(received[1].Body)!;
        Assert.Equal("change", change["meta"]!["action"]!.GetValue<string>());
        Assert.Equal("called back", change["data"]!["notes"]!.GetValue<string>());
        Assert.Null(change["previous"]!["notes"]);
        Assert.True(change["previous"]!.AsObject().ContainsKey("notes"));
        Assert.True(JsonNode.Parse(received[2].Body)!["data"]!["is_deleted"]!.GetValue<bool>());

        await connector.RemoveWebhookAsync(webhookId, Ct);
        sandbox.EditPerson(sandbox.PersonIds()[0], new JsonObject { ["notes"] = "nobody listens" });
        await sandbox.FlushWebhooksAsync();
        Assert.Equal(3, deliveries.Received.Count);
        Assert.Empty((await ListWebhooksAsync())["data"]!.AsArray());
    }

    [Fact]
    public async Task The_sandbox_refuses_a_webhook_without_a_name_or_with_a_relative_url_and_v1_payloads()
    {
        using var http = Client();
        using var refused = await http.PostAsJsonAsync(new Uri("v1/webhooks", UriKind.Relative), new JsonObject
        {
            ["subscription_url"] = "/relative",
            ["event_action"] = "*",
            ["event_object"] = "person",
            ["version"] = "1.0",
        }, Ct);
        var body = await refused.Content.ReadFromJsonAsync<JsonObject>(Ct);

        Assert.Equal(["POST /webhooks request$: required property 'name' is missing"], validator.TakeViolations());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["name", "subscription_url", "version"], body!["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Empty((await ListWebhooksAsync())["data"]!.AsArray());
    }

    [Fact]
    public async Task Webhooks_for_other_objects_or_actions_hear_nothing_of_person_changes()
    {
        using var http = Client();
        foreach (var (action, entity) in new[] { ("*", "deal"), ("delete", "person") })
        {
            using var made = await http.PostAsJsonAsync(new Uri("v1/webhooks", UriKind.Relative), new JsonObject
            {
                ["subscription_url"] = Intake.ToString(), ["event_action"] = action, ["event_object"] = entity, ["name"] = entity,
            }, Ct);
            Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        }

        sandbox.EditPerson(sandbox.PersonIds()[0], new JsonObject { ["notes"] = "changed" });
        await sandbox.FlushWebhooksAsync();

        Assert.Empty(deliveries.Received);
        Assert.Equal(2, (await ListWebhooksAsync())["data"]!.AsArray().Count);
    }

    private static void AssertDelivery((Uri Url, string? Authorization, string Body) delivery, string[] changed, string[] deleted)
    {
        var parsed = PipedriveWebhookDelivery.Parse(delivery.Body);
        Assert.Equal(changed, parsed.Changed);
        Assert.Equal(deleted, parsed.Deleted);
    }

    private PipedriveConnector Connect() => (PipedriveConnector)new PipedriveConnectorFactory(TestRetries.Fast).Create(
        new AccountSettings(new Dictionary<string, string> { ["apiToken"] = sandbox.Options.ApiToken, ["baseUrl"] = host!.BaseUri.ToString() }),
        ConnectorContext.Default);

    private HttpClient Client()
    {
        var http = new HttpClient { BaseAddress = host!.BaseUri };
        http.DefaultRequestHeaders.Add("x-api-token", sandbox.Options.ApiToken);
        return http;
    }

    private async Task<JsonObject> ListWebhooksAsync()
    {
        using var http = Client();
        return (await http.GetFromJsonAsync<JsonObject>(new Uri("api/v1/webhooks", UriKind.Relative), Ct))!;
    }

    /// <summary>Stands in for the subscriber's endpoint: records each delivery and answers 200.</summary>
    private sealed class CapturingHandler : HttpMessageHandler
    {
        public ConcurrentQueue<(Uri Url, string? Authorization, string Body)> Received { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Received.Enqueue((request.RequestUri!, request.Headers.Authorization?.ToString(), await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
