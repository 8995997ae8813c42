using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Tandem.Web.Hosting;

namespace Tandem.Web.Tests.Harness;

/// <summary>Reads the hosted sandbox apps through their own HTTP APIs, as the vendors' clients would.</summary>
public sealed class SandboxReader(TandemWebServer server)
{
    /// <summary>The primary email of every live Pipedrive person (v2 persons, cursor pages of 500).</summary>
    public async Task<IReadOnlyList<string>> PipedriveEmailsAsync()
    {
        var sandbox = server.Sandbox.Find("pipedrive")!;
        using var http = new HttpClient { BaseAddress = sandbox.Host.BaseUri };
        http.DefaultRequestHeaders.Add("x-api-token", sandbox.Values["apiToken"]);
        var emails = new List<string>();
        string? cursor = null;
        do
        {
            var page = JsonNode.Parse(await http.GetStringAsync("api/v2/persons?limit=500" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))))!;
            foreach (var person in page["data"]!.AsArray())
            {
                if (person!["emails"]?.AsArray().FirstOrDefault()?["value"]?.GetValue<string>() is { } email)
                {
                    emails.Add(email.ToLowerInvariant());
                }
            }

            cursor = page["additional_data"]?["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return emails;
    }

    /// <summary>The webhooks of the Pipedrive sandbox company (v1 <c>GET /webhooks</c>), as Pipedrive lists them.</summary>
    public async Task<JsonArray> PipedriveWebhooksAsync()
    {
        var sandbox = server.Sandbox.Find("pipedrive")!;
        using var http = new HttpClient { BaseAddress = sandbox.Host.BaseUri };
        http.DefaultRequestHeaders.Add("x-api-token", sandbox.Values["apiToken"]);
        return JsonNode.Parse(await http.GetStringAsync("api/v1/webhooks"))!["data"]!.AsArray();
    }

    /// <summary>Every email of every Google contact (People API connections, after an OAuth refresh).</summary>
    public async Task<IReadOnlyList<string>> GoogleEmailsAsync()
    {
        var sandbox = server.Sandbox.Find("google-contacts")!;
        using var http = new HttpClient { BaseAddress = sandbox.Host.BaseUri };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = sandbox.Values["refreshToken"],
            ["client_id"] = sandbox.Values["clientId"],
            ["client_secret"] = sandbox.Values["clientSecret"],
        });
        using var tokenResponse = await http.PostAsync("token", form);
        tokenResponse.EnsureSuccessStatusCode();
        var accessToken = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var emails = new List<string>();
        string? pageToken = null;
        do
        {
            var page = JsonNode.Parse(await http.GetStringAsync("v1/people/me/connections?personFields=emailAddresses&pageSize=1000" + (pageToken is null ? "" : "&pageToken=" + Uri.EscapeDataString(pageToken))))!;
            foreach (var person in page["connections"]?.AsArray() ?? [])
            {
                foreach (var email in person!["emailAddresses"]?.AsArray() ?? [])
                {
                    emails.Add(email!["value"]!.GetValue<string>().ToLowerInvariant());
                }
            }

            pageToken = page["nextPageToken"]?.GetValue<string>();
        }
        while (pageToken is not null);
        return emails;
    }
}
