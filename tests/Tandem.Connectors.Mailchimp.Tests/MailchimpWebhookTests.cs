using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tandem.Connectors.Mailchimp.Webhooks;
using Tandem.Connectors.Testing.Specs;
using Tandem.Connectors.Testing.Webhooks;
using Tandem.Sandbox;
using Tandem.Sandbox.Mailchimp;

namespace Tandem.Connectors.Mailchimp.Tests;

/// <summary>List webhooks: registered over the API, delivered by the sandbox as form posts to a listener on 127.0.0.1, read by the connector's parser.</summary>
public sealed class MailchimpWebhookTests : IAsyncLifetime
{
    private const string Audience = MailchimpSandbox.EventsAudienceId;
    private readonly MailchimpSandbox sandbox = new(new MailchimpSandboxOptions { SeedMembers = 50 });
    private readonly WebhookListener listener = new();
    private readonly OpenApiValidator validator = MailchimpOpenApi.CreateValidator();
    private SandboxHost? host;
    private SandboxHost? receiver;
    private HttpClient? http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await SandboxHost.StartAsync(sandbox, port: 0, validator.Observe, Ct);
        receiver = await SandboxHost.StartAsync(listener, cancellationToken: Ct);
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
    public async Task Member_events_are_posted_as_forms_the_parser_reads()
    {
        var webhook = await RegisterAsync(receiver!.BaseUri + "mailchimp");
        var emails = sandbox.MemberEmails(Audience);

        sandbox.UnsubscribeMember(Audience, emails[0]);
        var unsubscribe = MailchimpWebhookParser.Parse(await listener.NextAsync(Ct));
        sandbox.EditMember(Audience, emails[1], new JsonObject { ["merge_fields"] = new JsonObject { ["FNAME"] = "Renamed" } });
        var profileBody = await listener.NextAsync(Ct);
        sandbox.EditMember(Audience, emails[2], new JsonObject { ["email_address"] = "moved@example.org" });
        var upemail = MailchimpWebhookParser.Parse(await listener.NextAsync(Ct));
        sandbox.EditMember(Audience, emails[3], new JsonObject { ["status"] = "cleaned" });
        var cleaned = MailchimpWebhookParser.Parse(await listener.NextAsync(Ct));
        sandbox.ArchiveMember(Audience, emails[4]);
        var archived = MailchimpWebhookParser.Parse(await listener.NextAsync(Ct));
        using var created = await http!.PostAsJsonAsync(new Uri($"lists/{Audience}/members", UriKind.Relative), new JsonObject { ["email_address"] = "joined@example.org", ["status"] = "subscribed" }, Ct);
        var subscribe = MailchimpWebhookParser.Parse(await listener.NextAsync(Ct));

        Assert.Equal(("unsubscribe", Audience, emails[0], "unsub"), (unsubscribe.Type, unsubscribe.ListId, unsubscribe.Email, unsubscribe.Action));
        Assert.True(unsubscribe.IsUnsubscribe);
        var profile = Uri.UnescapeDataString(profileBody.Replace('+', ' '));
        Assert.StartsWith("type=profile&fired_at=", profile, StringComparison.Ordinal);
        Assert.Contains($"data[email]={emails[1]}&", profile, StringComparison.Ordinal);
        Assert.True(profile.Contains("data[merges][FNAME]=Renamed", StringComparison.Ordinal), profile);
        Assert.Equal(("upemail", "moved@example.org", emails[2]), (upemail.Type, upemail.Email, upemail.OldEmail));
        Assert.Equal(("cleaned", "hard"), (cleaned.Type, cleaned.Reason));
        Assert.True(cleaned.IsUnsubscribe);
        Assert.True(archived.IsDeletion);
        Assert.False(archived.IsUnsubscribe);
        Assert.Equal(("subscribe", "joined@example.org"), (subscribe.Type, subscribe.Email));
        Assert.Equal(webhook, (await http!.GetFromJsonAsync<JsonObject>(new Uri($"lists/{Audience}/webhooks", UriKind.Relative), Ct))!["webhooks"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_url_that_does_not_answer_is_refused_and_a_deleted_webhook_gets_nothing()
    {
        using var refused = await http!.PostAsJsonAsync(new Uri($"lists/{Audience}/webhooks", UriKind.Relative), Body("http://127.0.0.1:1/nothing-here"), Ct);
        var webhook = await RegisterAsync(receiver!.BaseUri + "first");
        using var deleted = await http!.DeleteAsync(new Uri($"lists/{Audience}/webhooks/{webhook}", UriKind.Relative), Ct);
        _ = await RegisterAsync(receiver.BaseUri + "second");

        sandbox.UnsubscribeMember(Audience, sandbox.MemberEmails(Audience)[0]);
        var only = await listener.NextPostAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("/second", only.Path);
        Assert.StartsWith("type=unsubscribe", only.Body, StringComparison.Ordinal);
    }

    private static JsonObject Body(string url) => new()
    {
        ["url"] = url,
        ["events"] = new JsonObject { ["subscribe"] = true, ["unsubscribe"] = true, ["profile"] = true, ["cleaned"] = true, ["upemail"] = true },
        ["sources"] = new JsonObject { ["user"] = true, ["admin"] = true, ["api"] = true },
    };

    private async Task<string> RegisterAsync(string url)
    {
        using var response = await http!.PostAsJsonAsync(new Uri($"lists/{Audience}/webhooks", UriKind.Relative), Body(url), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<string>();
    }
}
