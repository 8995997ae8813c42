using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Webhooks;

namespace Tandem.Connectors.Woodpecker.Tests.Webhooks;

/// <summary>
/// Webhooks: Tandem subscribes its URL (holding the secret) to the status events, a duplicate's 409 is taken as done, a
/// full event's 409 is told in words, a 410 from the receiver stops deliveries, and a post about a prospect asks for a run.
/// </summary>
public sealed class WoodpeckerWebhookTests
{
    private static readonly Uri Hook = new("https://tandem.example.com/hooks/woodpecker/c1?secret=s3cret");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Subscribing_twice_subscribes_each_status_event_once()
    {
        await using var run = await WoodpeckerRun.StartAsync();
        await using var connector = run.Connect();
        var registrar = (IWebhookRegistrar)connector;

        var id = await registrar.RegisterWebhookAsync(Hook, "unused", "unused", Ct);
        var again = await registrar.RegisterWebhookAsync(Hook, "unused", "unused", Ct);

        Assert.Equal(Hook.ToString(), id);
        Assert.Equal(id, again);
        Assert.Equal(
            ["prospect_blacklisted", "prospect_bounced", "prospect_invalid", "prospect_replied"],
            run.Sandbox.Webhooks.OfType<JsonObject>().Select(w => w["event"]!.GetValue<string>()).Order(StringComparer.Ordinal));

        await registrar.RemoveWebhookAsync(id, Ct);
        await registrar.RemoveWebhookAsync(id, Ct);
        Assert.Empty(run.Sandbox.Webhooks);
    }

    [Fact]
    public async Task An_event_that_already_has_three_addresses_is_refused_in_words()
    {
        await using var run = await WoodpeckerRun.StartAsync();
        using var http = new HttpClient { BaseAddress = run.BaseUri };
        http.DefaultRequestHeaders.Add("x-api-key", run.Sandbox.Options.ApiKey);
        foreach (var n in Enumerable.Range(1, 3))
        {
            using var taken = await http.PostAsJsonAsync(new Uri("rest/v1/webhooks/subscribe", UriKind.Relative), new JsonObject { ["target_url"] = $"https://other{n}.example.com/", ["event"] = "prospect_replied" }, Ct);
            taken.EnsureSuccessStatusCode();
        }

        await using var connector = run.Connect();
        var refusal = await Assert.ThrowsAsync<ConnectorException>(() => ((IWebhookRegistrar)connector).RegisterWebhookAsync(Hook, "u", "p", Ct));

        Assert.Equal("Woodpecker takes at most three addresses for the event prospect_replied, and all three are taken; remove one in Woodpecker.", refusal.Message);
    }

    [Fact]
    public async Task A_blacklisting_is_posted_to_the_URL_and_the_post_asks_Tandem_for_a_run()
    {
        var receiver = new CapturingReceiver(HttpStatusCode.OK);
        await using var run = await WoodpeckerRun.StartAsync(webhooks: receiver);
        await using var connector = run.Connect();
        await ((IWebhookRegistrar)connector).RegisterWebhookAsync(Hook, "u", "p", Ct);
        var verifier = new WoodpeckerConnectorFactory().Descriptor.Webhooks!;
        var id = run.Sandbox.ProspectIds()[5];

        run.Sandbox.SetStatus(id, "BLACKLIST");
        await run.Sandbox.WhenWebhookAttemptsAsync(1, Ct);

        var (url, body) = Assert.Single(receiver.Posts);
        var delivery = new WebhookDelivery("POST", new Dictionary<string, string>(), new Dictionary<string, string> { ["secret"] = "s3cret" }, Encoding.UTF8.GetBytes(body));
        var forged = new WebhookDelivery("POST", new Dictionary<string, string>(), new Dictionary<string, string> { ["secret"] = "guess" }, Encoding.UTF8.GetBytes(body));
        Assert.Equal(Hook, url);
        Assert.Null(verifier.Refuse(delivery, "s3cret"));
        Assert.NotNull(verifier.Refuse(forged, "s3cret"));
        Assert.True(verifier.ConcernsContacts(delivery));
        Assert.Equal([id.ToString(CultureInfo.InvariantCulture)], WoodpeckerWebhookDelivery.Parse(body).ProspectIds);
        Assert.Equal(["prospect_blacklisted"], WoodpeckerWebhookDelivery.Parse(body).Events);
    }

    [Fact]
    public async Task A_receiver_answering_410_is_unsubscribed_and_gets_nothing_more()
    {
        var receiver = new CapturingReceiver(HttpStatusCode.Gone);
        await using var run = await WoodpeckerRun.StartAsync(webhooks: receiver);
        await using var connector = run.Connect();
        await ((IWebhookRegistrar)connector).RegisterWebhookAsync(Hook, "u", "p", Ct);
        var ids = run.Sandbox.ProspectIds();

        run.Sandbox.SetStatus(ids[0], "BLACKLIST");
        await run.Sandbox.WhenWebhookAttemptsAsync(1, Ct);
        run.Sandbox.SetStatus(ids[1], "BLACKLIST");
        await run.Sandbox.FlushWebhooksAsync();

        Assert.Single(receiver.Posts);
        Assert.DoesNotContain(run.Sandbox.Webhooks.OfType<JsonObject>(), w => w["event"]!.GetValue<string>() == "prospect_blacklisted");
        Assert.Equal(3, run.Sandbox.Webhooks.Count);
    }

    [Fact]
    public void A_post_that_is_not_a_list_of_events_is_not_a_delivery()
    {
        Assert.Throws<FormatException>(() => WoodpeckerWebhookDelivery.Parse("{\"prospect\":{}}"));
        Assert.Empty(WoodpeckerWebhookDelivery.Parse("[]").ProspectIds);
    }
}
