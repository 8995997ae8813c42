using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tandem.Web.Sandbox;

namespace Tandem.Web.BrowserTests.Harness;

/// <summary>The sandbox apps' own HTTP APIs, called as the vendor's API would be: what arrived, and edits made by "a user of the app".</summary>
public sealed class SandboxApis(HostedSandbox pipedrive, HostedSandbox google) : IDisposable
{
    private readonly HttpClient http = new();

    /// <summary>Every live Pipedrive person: id, name and emails (v2 persons, cursor paging).</summary>
    public async Task<IReadOnlyList<JsonObject>> PipedrivePersonsAsync(CancellationToken cancellationToken)
    {
        var persons = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var url = $"{pipedrive.Values["baseUrl"].TrimEnd('/')}/api/v2/persons?limit=500{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}";
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("x-api-token", pipedrive.Values["apiToken"]);
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
            persons.AddRange(body["data"]!.AsArray().Select(p => p!.AsObject()));
            cursor = body["additional_data"]?["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return persons;
    }

    public async Task RenamePipedrivePersonAsync(int id, string name, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"{pipedrive.Values["baseUrl"].TrimEnd('/')}/api/v2/persons/{id}")
        {
            Content = JsonContent.Create(new JsonObject { ["name"] = name }),
        };
        request.Headers.Add("x-api-token", pipedrive.Values["apiToken"]);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The key of a Pipedrive person field and its options' labels by id (v1 personFields).</summary>
    public async Task<(string Key, IReadOnlyDictionary<int, string> Options)> PipedriveFieldAsync(string name, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{pipedrive.Values["baseUrl"].TrimEnd('/')}/api/v1/personFields");
        request.Headers.Add("x-api-token", pipedrive.Values["apiToken"]);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
        var field = body["data"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == name)!;
        var options = (field["options"]?.AsArray() ?? []).ToDictionary(o => o!["id"]!.GetValue<int>(), o => o!["label"]!.GetValue<string>());
        return (field["key"]!.GetValue<string>(), options);
    }

    /// <summary>The value of one userDefined key of every Google contact that has it, by each of the contact's emails (lower-cased).</summary>
    public async Task<IReadOnlyDictionary<string, string>> GoogleUserDefinedAsync(string key, CancellationToken cancellationToken)
    {
        var token = await GoogleAccessTokenAsync(cancellationToken);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? pageToken = null;
        do
        {
            var url = $"{google.Values["baseUrl"].TrimEnd('/')}/v1/people/me/connections?personFields=emailAddresses,userDefined&pageSize=1000{(pageToken is null ? "" : "&pageToken=" + Uri.EscapeDataString(pageToken))}";
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
            foreach (var person in body["connections"]?.AsArray() ?? [])
            {
                var value = (person!["userDefined"]?.AsArray() ?? []).FirstOrDefault(u => u!["key"]?.GetValue<string>() == key)?["value"]?.GetValue<string>();
                foreach (var email in person["emailAddresses"]?.AsArray() ?? [])
                {
                    if (value is not null)
                    {
                        values[email!["value"]!.GetValue<string>().Trim().ToLowerInvariant()] = value;
                    }
                }
            }

            pageToken = body["nextPageToken"]?.GetValue<string>();
        }
        while (pageToken is not null);
        return values;
    }

    /// <summary>Every Google contact's email addresses, lower-cased (People API connections list, with an OAuth access token).</summary>
    public async Task<IReadOnlySet<string>> GoogleEmailsAsync(CancellationToken cancellationToken)
    {
        var token = await GoogleAccessTokenAsync(cancellationToken);
        var emails = new HashSet<string>(StringComparer.Ordinal);
        string? pageToken = null;
        do
        {
            var url = $"{google.Values["baseUrl"].TrimEnd('/')}/v1/people/me/connections?personFields=names,emailAddresses&pageSize=1000{(pageToken is null ? "" : "&pageToken=" + Uri.EscapeDataString(pageToken))}";
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
            foreach (var person in body["connections"]?.AsArray() ?? [])
            {
                foreach (var email in person!["emailAddresses"]?.AsArray() ?? [])
                {
                    emails.Add(email!["value"]!.GetValue<string>().Trim().ToLowerInvariant());
                }
            }

            pageToken = body["nextPageToken"]?.GetValue<string>();
        }
        while (pageToken is not null);
        return emails;
    }

    private async Task<string> GoogleAccessTokenAsync(CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = google.Values["refreshToken"],
            ["client_id"] = google.Values["clientId"],
            ["client_secret"] = google.Values["clientSecret"],
        });
        using var response = await http.PostAsync(google.Values["tokenUrl"], form, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
        return body["access_token"]!.GetValue<string>();
    }

    public static IEnumerable<string> EmailsOf(JsonObject person) =>
        (person["emails"]?.AsArray() ?? []).Select(e => e!["value"]!.GetValue<string>().Trim().ToLowerInvariant()).Where(e => e.Length > 0);

    public void Dispose() => http.Dispose();
}
