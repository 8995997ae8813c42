using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Testing;
using Tandem.Connectors.Testing.Specs;
using Tandem.Connectors.Webhooks;
using Tandem.Sandbox;
using Tandem.Sandbox.Pipeliner;

namespace Tandem.Connectors.Pipeliner.Tests;

/// <summary>Pipeliner webhooks: the connector registers contact events on the hook URL (with the secret in it), the sandbox posts each contact change there.</summary>
public sealed class PipelinerWebhookTests : IAsyncLifetime
{
    private readonly CapturingHandler deliveries = new();
    private readonly OpenApiValidator validator = PipelinerOpenApi.CreateValidator();
    private readonly PipelinerSandbox sandbox;
    private readonly IWebhookVerifier verifier = new PipelinerConnectorFactory().Descriptor.Webhooks!;
    private SandboxHost? host;

    public PipelinerWebhookTests()
    {
        sandbox = new PipelinerSandbox(new PipelinerSandboxOptions { SeedContacts = 5 }, webhookHandler: deliveries);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Uri Hook => verifier.Describe(new Uri("http://127.0.0.1:9/hooks/pipeliner/conn-1"), "s3cret").Url;

    public async ValueTask InitializeAsync() => host = await SandboxHost.StartAsync(sandbox, port: 0, validator.Observe, Ct);

    public async ValueTask DisposeAsync()
    {
        await host!.DisposeAsync();
        sandbox.Dispose();
        deliveries.Dispose();
        validator.AssertNoViolations();
    }

    [Fact]
    public async Task A_registered_webhook_receives_each_contact_change_once_and_the_delivery_passes_the_verifier()
    {
        await using var connector = Connect();
        var registrar = Assert.IsAssignableFrom<IWebhookRegistrar>(connector);
        _ = await registrar.RegisterWebhookAsync(Hook, "tandem", "s3cret", Ct);
        var id = await registrar.RegisterWebhookAsync(Hook, "tandem", "s3cret", Ct);
        Assert.Equal(1, sandbox.WebhookCount);

        var contact = sandbox.ContactIds()[0];
        sandbox.EditContact(contact, new JsonObject { ["comments"] = "called back" });
        sandbox.DeleteContact(sandbox.ContactIds()[1]);
        await sandbox.FlushWebhooksAsync();

        var received = deliveries.Received.ToList();
        Assert.Equal(2, received.Count);
        Assert.All(received, r => Assert.Equal(Hook, r.Url));
        Assert.Equal(contact, JsonNode.Parse(received[0].Body)!["id"]!.GetValue<string>());
        var delivery = Delivery(received[0]);
        Assert.Null(verifier.Refuse(delivery, "s3cret"));
        Assert.NotNull(verifier.Refuse(delivery, "another"));
        Assert.True(verifier.ConcernsContacts(delivery));

        await registrar.RemoveWebhookAsync(id, Ct);
        await registrar.RemoveWebhookAsync(id, Ct);
        sandbox.EditContact(contact, new JsonObject { ["comments"] = "nobody listens" });
        await sandbox.FlushWebhooksAsync();
        Assert.Equal(0, sandbox.WebhookCount);
        Assert.Equal(2, deliveries.Received.Count);
    }

    internal static WebhookDelivery Delivery((Uri Url, string Body) received) => new(
        "POST",
        new Dictionary<string, string> { ["Content-Type"] = "application/json" },
        received.Url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1])),
        Encoding.UTF8.GetBytes(received.Body));

    private PipelinerConnector Connect() => (PipelinerConnector)new PipelinerConnectorFactory(TestRetries.Fast).Create(
        new AccountSettings(new Dictionary<string, string>
        {
            ["apiToken"] = sandbox.Options.ApiToken,
            ["apiPassword"] = sandbox.Options.ApiPassword,
            ["spaceId"] = sandbox.Options.SpaceId,
            ["serviceUrl"] = host!.BaseUri.ToString(),
            ["ownerId"] = PipelinerSandbox.Clients[1].Id,
        }),
        new ConnectorContext(TimeProvider.System, NullLoggerFactory.Instance).Allowing(host.BaseUri));

    /// <summary>Stands in for Tandem's hook: records each delivery and answers 200.</summary>
    private sealed class CapturingHandler : HttpMessageHandler
    {
        public ConcurrentQueue<(Uri Url, string Body)> Received { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Received.Enqueue((request.RequestUri!, await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
