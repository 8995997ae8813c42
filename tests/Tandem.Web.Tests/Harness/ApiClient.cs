using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tandem.Web.Tests.Harness;

/// <summary>An HTTP client of the real server, signed in with one user's API token; answers are read as JSON.</summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient http;

    public ApiClient(Uri baseAddress, string? token, string userId)
    {
        http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        Token = token;
        UserId = userId;
    }

    private ApiClient(HttpClient http, string userId)
    {
        this.http = http;
        UserId = userId;
    }

    /// <summary>
    /// A user signed up through the page whose API calls carry the UI's cookie and this server's own Origin, as the web
    /// app's pages would (API tokens are made this way: a token cannot make another).
    /// </summary>
    public static async Task<ApiClient> SignedInWithCookieAsync(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var browser = await CookieBrowser.SignUpAsync(baseAddress);
        var http = new HttpClient(new HttpClientHandler { CookieContainer = browser.Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };
        browser.Dispose();
        http.DefaultRequestHeaders.Add("Origin", baseAddress.GetLeftPart(UriPartial.Authority));
        using var me = await http.GetAsync("api/v1/me");
        var userId = (await Answer.ReadAsync(me)).Expect(HttpStatusCode.OK)["userId"]!.GetValue<string>();
        return new ApiClient(http, userId);
    }

    public string? Token { get; }

    public string UserId { get; }

    public HttpClient Http => http;

    public Task<Answer> GetAsync(string path) => SendAsync(HttpMethod.Get, path, body: null);

    public Task<Answer> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body);

    public Task<Answer> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    public Task<Answer> PatchAsync(string path, object body) => SendAsync(HttpMethod.Patch, path, body);

    public Task<Answer> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, body: null);

    /// <summary>Sends raw text as JSON (for malformed bodies).</summary>
    public async Task<Answer> PostRawAsync(string path, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(path.TrimStart('/'), content);
        return await Answer.ReadAsync(response);
    }

    public async Task<Answer> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body, options: Json);
        }

        using var response = await http.SendAsync(request);
        return await Answer.ReadAsync(response);
    }

    public void Dispose() => http.Dispose();

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}

/// <summary>A status code and the body, as JSON when it is JSON.</summary>
public sealed record Answer(HttpStatusCode Status, string Text)
{
    public JsonNode? Json => Text.Length == 0 ? null : JsonNode.Parse(Text);

    /// <summary>The problem-details message (<c>detail</c>).</summary>
    public string Detail => Json?["detail"]?.GetValue<string>() ?? string.Empty;

    public static async Task<Answer> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Asserts the status and gives the JSON body.</summary>
    public JsonNode Expect(HttpStatusCode status)
    {
        Assert.True(Status == status, $"Expected {(int)status} {status}, got {(int)Status} {Status}: {Text}");
        return Json ?? new JsonObject();
    }
}
