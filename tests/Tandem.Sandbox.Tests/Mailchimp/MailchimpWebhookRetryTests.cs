using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Tandem.Connectors.Testing.Specs;
using Tandem.Connectors.Testing.Webhooks;
using Tandem.Sandbox;
using Tandem.Sandbox.Mailchimp;

namespace Tandem.Sandbox.Tests.Mailchimp;

/// <summary>
/// Failed webhook posts are retried three times within 75 minutes of the sandbox's clock, then given up; a 410 Gone
/// disables the webhook (Mailchimp's documented behaviour, see the sandbox README).
/// </summary>
public sealed class MailchimpWebhookRetryTests : IAsyncLifetime
{
    private const string Audience = MailchimpSandbox.EventsAudienceId;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly MailchimpSandbox sandbox;
    private readonly ScriptedWebhookEndpoint endpoint;
    private readonly OpenApiValidator validator = MailchimpOpenApi.CreateValidator();
    private SandboxHost? host;
    private SandboxHost? receiver;
    private HttpClient? http;

    public MailchimpWebhookRetryTests()
    {
        sandbox = new MailchimpSandbox(new MailchimpSandboxOptions { SeedMembers = 50 }, clock);
        endpoint = new ScriptedWebhookEndpoint(clock);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await SandboxHost.StartAsync(sandbox, port: 0, validator.Observe, Ct);
        receiver = await SandboxHost.StartAsync(endpoint, cancellationToken: Ct);
        http = new HttpClient { BaseAddress = new Uri(host.BaseUri, "3.0/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("tandem:" + sandbox.Options.ApiKey)));
    }

    public async ValueTask DisposeAsync()
    {
        http?.Dispose();
        sandbox.Dispose();
        foreach (var running in new[] { host, receiver })
        {
            if (running is not null)
            {
                await running.DisposeAsync();
            }
        }

        validator.AssertNoViolations();
    }

    [Fact]
    public async Task A_failed_post_is_retried_after_five_then_fifteen_minutes_with_the_same_body()
    {
        endpoint.Answer("/hook", HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable);
        await RegisterAsync("/hook");
        var start = clock.GetUtcNow();
        sandbox.UnsubscribeMember(Audience, sandbox.MemberEmails(Audience)[0]);

        await sandbox.WhenWebhookAttemptsAsync(1, Ct);
        clock.Advance(TimeSpan.FromMinutes(5));
        await sandbox.WhenWebhookAttemptsAsync(2, Ct);
        clock.Advance(TimeSpan.FromMinutes(15));
        await sandbox.WhenWebhookAttemptsAsync(3, Ct);

        var posts = endpoint.Posts;
        Assert.Equal([500, 503, 200], posts.Select(p => p.Status));
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(20)], posts.Select(p => p.At - start));
        Assert.Single(posts.Select(p => p.Body).Distinct());
        Assert.StartsWith("type=unsubscribe", posts[0].Body, StringComparison.Ordinal);
        Assert.Equal((1, 2), sandbox.WebhookDeliveries);
        Assert.Equal(0, sandbox.WebhookDeliveriesAbandoned);
    }

    [Fact]
    public async Task A_post_that_keeps_failing_is_given_up_after_three_retries_within_75_minutes_and_later_changes_still_go_out()
    {
        endpoint.Answer("/hook", Enumerable.Repeat(HttpStatusCode.BadGateway, 4).ToArray());
        await RegisterAsync("/hook");
        var start = clock.GetUtcNow();
        var emails = sandbox.MemberEmails(Audience);
        sandbox.UnsubscribeMember(Audience, emails[0]);
        await sandbox.WhenWebhookAttemptsAsync(1, Ct);

        foreach (var (wait, attempts) in new[] { (5, 2), (15, 3), (55, 4) })
        {
            clock.Advance(TimeSpan.FromMinutes(wait));
            await sandbox.WhenWebhookAttemptsAsync(attempts, Ct);
        }

        clock.Advance(TimeSpan.FromDays(1));
        sandbox.UnsubscribeMember(Audience, emails[1]);
        await sandbox.WhenWebhookAttemptsAsync(5, Ct);

        var posts = endpoint.Posts;
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(75), TimeSpan.FromMinutes(75) + TimeSpan.FromDays(1)], posts.Select(p => p.At - start));
        Assert.Equal(1, sandbox.WebhookDeliveriesAbandoned);
        Assert.Equal((1, 4), sandbox.WebhookDeliveries);
        Assert.Contains(Uri.EscapeDataString(emails[1]), posts[^1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_410_disables_the_webhook_with_no_retry_and_nothing_more_is_posted_to_it()
    {
        endpoint.Answer("/gone", HttpStatusCode.Gone);
        await RegisterAsync("/gone");
        var emails = sandbox.MemberEmails(Audience);
        sandbox.UnsubscribeMember(Audience, emails[0]);
        await sandbox.WhenWebhookAttemptsAsync(1, Ct);
        await RegisterAsync("/other");

        clock.Advance(TimeSpan.FromHours(2));
        sandbox.UnsubscribeMember(Audience, emails[1]);
        await sandbox.WhenWebhookAttemptsAsync(2, Ct);

        // Posts go out one at a time in order, so /other receiving the second change means /gone was passed over.
        Assert.Equal([("/gone", 410), ("/other", 200)], endpoint.Posts.Select(p => (p.Path, p.Status)));
        Assert.Equal((1, 1), sandbox.WebhookDeliveries);
        Assert.Equal(0, sandbox.WebhookDeliveriesAbandoned);
    }

    private async Task RegisterAsync(string path)
    {
        var body = new JsonObject
        {
            ["url"] = new Uri(receiver!.BaseUri, path).ToString(),
            ["events"] = new JsonObject { ["unsubscribe"] = true },
            ["sources"] = new JsonObject { ["user"] = true, ["admin"] = true, ["api"] = true },
        };
        using var response = await http!.PostAsJsonAsync(new Uri($"lists/{Audience}/webhooks", UriKind.Relative), body, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
