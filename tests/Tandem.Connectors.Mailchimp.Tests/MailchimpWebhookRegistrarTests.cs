using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Mailchimp.Webhooks;
using Tandem.Connectors.Testing.Webhooks;
using Tandem.Sandbox;

namespace Tandem.Connectors.Mailchimp.Tests;

/// <summary>Tandem registers the audience's list webhook itself: member events from every source, one webhook per URL, secret in the URL.</summary>
public sealed partial class MailchimpConformanceTests
{
    [Fact]
    public async Task Registering_a_webhook_asks_for_member_events_from_every_source_and_deliveries_follow()
    {
        var listener = new WebhookListener();
        await using var receiver = await SandboxHost.StartAsync(listener, cancellationToken: Ct);
        await using var connector = Connect();
        var url = new Uri(receiver.BaseUri, "mailchimp/hooks?secret=s3cr%2Bt");

        var id = await ((IWebhookRegistrar)connector).RegisterWebhookAsync(url, "ignored", "ignored", Ct);
        sandbox.UnsubscribeMember(Audience, sandbox.MemberEmails(Audience)[0]);
        var post = await listener.NextPostAsync(Ct);

        var webhook = Assert.Single(await WebhooksAsync());
        Assert.Equal(id, webhook["id"]!.GetValue<string>());
        Assert.Equal(url.AbsoluteUri, webhook["url"]!.GetValue<string>());
        Assert.Equal(["subscribe", "unsubscribe", "profile", "cleaned", "upemail"], webhook["events"]!.AsObject().Where(p => p.Value!.GetValue<bool>()).Select(p => p.Key));
        Assert.All(webhook["sources"]!.AsObject(), p => Assert.True(p.Value!.GetValue<bool>(), p.Key));
        Assert.Equal("/mailchimp/hooks", post.Path);
        Assert.True(MailchimpWebhookParser.Parse(post.Body).IsUnsubscribe);
    }

    [Fact]
    public async Task Registering_the_same_url_again_replaces_its_webhook_and_removing_twice_is_fine()
    {
        var listener = new WebhookListener();
        await using var receiver = await SandboxHost.StartAsync(listener, cancellationToken: Ct);
        await using var connector = Connect();
        var registrar = (IWebhookRegistrar)connector;
        var url = new Uri(receiver.BaseUri, "tandem?secret=a");
        var other = await registrar.RegisterWebhookAsync(new Uri(receiver.BaseUri, "someone-else"), string.Empty, string.Empty, Ct);

        var first = await registrar.RegisterWebhookAsync(url, string.Empty, string.Empty, Ct);
        var second = await registrar.RegisterWebhookAsync(url, string.Empty, string.Empty, Ct);
        var bothLeft = (await WebhooksAsync()).Select(w => w["id"]!.GetValue<string>()).Order().ToList();
        await registrar.RemoveWebhookAsync(second, Ct);
        await registrar.RemoveWebhookAsync(second, Ct);

        Assert.NotEqual(first, second);
        Assert.Equal(new[] { other, second }.Order(), bothLeft);
        Assert.Equal([other], (await WebhooksAsync()).Select(w => w["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_url_that_does_not_answer_Mailchimps_check_is_refused_with_its_reason()
    {
        await using var connector = Connect();

        var refused = await Assert.ThrowsAnyAsync<ConnectorException>(() =>
            ((IWebhookRegistrar)connector).RegisterWebhookAsync(new Uri("http://127.0.0.1:1/nothing-here"), string.Empty, string.Empty, Ct));

        Assert.Equal("Mailchimp refused the webhook: We couldn't verify the URL is working. Please double-check and try again.", refused.Message);
        Assert.Empty(await WebhooksAsync());
    }

    private async Task<List<JsonObject>> WebhooksAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(host!.BaseUri, "3.0/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("tandem:" + sandbox.Options.ApiKey)));
        var list = await http.GetFromJsonAsync<JsonObject>(new Uri($"lists/{Audience}/webhooks", UriKind.Relative), Ct);
        return list!["webhooks"]!.AsArray().OfType<JsonObject>().ToList();
    }
}
