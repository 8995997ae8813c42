using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tandem.Web.Hosting;

namespace Tandem.Web.Tests.Harness;

/// <summary>Adds contacts to the hosted sandbox apps through their own HTTP APIs, as a user of the app would.</summary>
public sealed class SandboxWriter(TandemWebServer server)
{
    /// <summary>A Pipedrive person with one work email and one mobile number (v2 persons).</summary>
    public async Task CreatePipedrivePersonAsync(string givenName, string familyName, string email, string phone)
    {
        var sandbox = server.Sandbox.Find("pipedrive")!;
        using var http = new HttpClient { BaseAddress = sandbox.Host.BaseUri };
        http.DefaultRequestHeaders.Add("x-api-token", sandbox.Values["apiToken"]);
        var person = new JsonObject
        {
            ["name"] = givenName + " " + familyName,
            ["first_name"] = givenName,
            ["last_name"] = familyName,
            ["emails"] = new JsonArray(new JsonObject { ["value"] = email, ["primary"] = true, ["label"] = "work" }),
            ["phones"] = new JsonArray(new JsonObject { ["value"] = phone, ["primary"] = true, ["label"] = "mobile" }),
        };
        using var response = await http.PostAsJsonAsync("api/v2/persons", person, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A Google contact with a given and family name, one home email and one mobile number (people:createContact).</summary>
    public async Task CreateGoogleContactAsync(string givenName, string familyName, string email, string phone)
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
        using var tokenResponse = await http.PostAsync("token", form, TestContext.Current.CancellationToken);
        tokenResponse.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var person = new JsonObject
        {
            ["names"] = new JsonArray(new JsonObject { ["givenName"] = givenName, ["familyName"] = familyName }),
            ["emailAddresses"] = new JsonArray(new JsonObject { ["value"] = email, ["type"] = "home" }),
            ["phoneNumbers"] = new JsonArray(new JsonObject { ["value"] = phone, ["type"] = "mobile" }),
        };
        using var response = await http.PostAsJsonAsync("v1/people:createContact", person, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
