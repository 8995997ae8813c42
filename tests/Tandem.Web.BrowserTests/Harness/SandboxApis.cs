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

    public Task RenamePipedrivePersonAsync(int id, string name, CancellationToken cancellationToken) =>
        UpdatePipedrivePersonAsync(id, new JsonObject { ["name"] = name }, cancellationToken);

    /// <summary>A Pipedrive user edits a person (PATCH v2 persons; a null value clears the field).</summary>
    public async Task UpdatePipedrivePersonAsync(int id, JsonObject changes, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"{pipedrive.Values["baseUrl"].TrimEnd('/')}/api/v2/persons/{id}")
        {
            Content = JsonContent.Create(changes),
        };
        request.Headers.Add("x-api-token", pipedrive.Values["apiToken"]);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A Pipedrive user adds a person (POST v2 persons).</summary>
    public async Task CreatePipedrivePersonAsync(JsonObject person, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{pipedrive.Values["baseUrl"].TrimEnd('/')}/api/v2/persons")
        {
            Content = JsonContent.Create(person),
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
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var person in await GooglePeopleAsync("emailAddresses,userDefined", cancellationToken))
        {
            if (UserDefinedOf(person, key) is { } value)
            {
                foreach (var email in GoogleEmailsOf(person))
                {
                    values[email] = value;
                }
            }
        }

        return values;
    }

    /// <summary>Every Google contact's email addresses, lower-cased (People API connections list, with an OAuth access token).</summary>
    public async Task<IReadOnlySet<string>> GoogleEmailsAsync(CancellationToken cancellationToken) =>
        (await GooglePeopleAsync("names,emailAddresses", cancellationToken)).SelectMany(GoogleEmailsOf).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every Google contact with the given person fields (People API connections list, all pages).</summary>
    public async Task<IReadOnlyList<JsonObject>> GooglePeopleAsync(string personFields, CancellationToken cancellationToken)
    {
        var token = await GoogleAccessTokenAsync(cancellationToken);
        var people = new List<JsonObject>();
        string? pageToken = null;
        do
        {
            var url = $"{google.Values["baseUrl"].TrimEnd('/')}/v1/people/me/connections?personFields={personFields}&pageSize=1000{(pageToken is null ? "" : "&pageToken=" + Uri.EscapeDataString(pageToken))}";
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
            people.AddRange((body["connections"]?.AsArray() ?? []).Select(p => p!.AsObject()));
            pageToken = body["nextPageToken"]?.GetValue<string>();
        }
        while (pageToken is not null);
        return people;
    }

    /// <summary>The Google contact one of whose emails is <paramref name="email"/>, or null.</summary>
    public async Task<JsonObject?> GooglePersonAsync(string email, string personFields, CancellationToken cancellationToken) =>
        (await GooglePeopleAsync("emailAddresses," + personFields, cancellationToken)).FirstOrDefault(p => GoogleEmailsOf(p).Contains(email));

    /// <summary>A Google user adds a contact (people:createContact).</summary>
    public async Task CreateGoogleContactAsync(JsonObject person, CancellationToken cancellationToken)
    {
        var token = await GoogleAccessTokenAsync(cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{google.Values["baseUrl"].TrimEnd('/')}/v1/people:createContact")
        {
            Content = JsonContent.Create(person),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public static IEnumerable<string> GoogleEmailsOf(JsonObject person) =>
        (person["emailAddresses"]?.AsArray() ?? []).Select(e => e!["value"]!.GetValue<string>().Trim().ToLowerInvariant());

    public static string? UserDefinedOf(JsonObject person, string key) =>
        (person["userDefined"]?.AsArray() ?? []).FirstOrDefault(u => u!["key"]?.GetValue<string>() == key)?["value"]?.GetValue<string>();

    public static IEnumerable<string> UserDefinedKeysOf(JsonObject person) =>
        (person["userDefined"]?.AsArray() ?? []).Select(u => u!["key"]!.GetValue<string>());

    public static string? JobTitleOf(JsonObject person) =>
        person["organizations"]?.AsArray().FirstOrDefault()?["title"]?.GetValue<string>() is { Length: > 0 } title ? title : null;

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
