using System.Net;
using System.Net.Http.Headers;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.OAuth;

/// <summary>
/// Walks a consent flow as a browser would, one redirect at a time: Tandem is called as the signed-in user, the
/// provider (a sandbox) without Tandem's credentials.
/// </summary>
public sealed class ConsentBrowser : IDisposable
{
    private readonly HttpClient tandem;
    private readonly HttpClient provider = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };

    public ConsentBrowser(ApiClient user)
    {
        ArgumentNullException.ThrowIfNull(user);
        tandem = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = user.Http.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
        tandem.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
    }

    /// <summary>Asks Tandem to start (the form's POST; <paramref name="query"/> such as <c>?name=…</c> is sent as its fields) and gives where it sends the browser (the provider's consent page).</summary>
    public async Task<Uri> StartAsync(string app, string query = "")
    {
        var answer = await PostStartAsync(app, query);
        Assert.True(answer.Status == HttpStatusCode.Redirect, $"Expected a redirect to the consent page, got {(int)answer.Status}: {answer.Text}");
        return answer.Location!;
    }

    /// <summary>Posts the start form of <paramref name="app"/> with the fields of <paramref name="query"/> (<c>?accountId=…&amp;name=…</c>).</summary>
    public async Task<Visit> PostStartAsync(string app, string query = "")
    {
        var fields = System.Web.HttpUtility.ParseQueryString(query.TrimStart('?'));
        using var form = new FormUrlEncodedContent(fields.AllKeys.Select(k => new KeyValuePair<string, string>(k!, fields[k]!)));
        using var response = await tandem.PostAsync(new Uri(tandem.BaseAddress!, $"accounts/oauth/{app}/start"), form);
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l : new Uri(tandem.BaseAddress!, l)) : null;
        return new Visit(response.StatusCode, location, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens the consent page (the sandbox approves at once) and gives where it sends the browser back.</summary>
    public async Task<Uri> ConsentAsync(Uri consentPage)
    {
        var answer = await GetAsync(consentPage);
        Assert.True(answer.Status == HttpStatusCode.Redirect, $"Expected the consent page to redirect back, got {(int)answer.Status}: {answer.Text}");
        return answer.Location!;
    }

    /// <summary>Goes to <paramref name="url"/> as this browser (with Tandem's sign-in only when it is Tandem).</summary>
    public async Task<Visit> GetAsync(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var client = url.Authority == tandem.BaseAddress!.Authority ? tandem : provider;
        using var response = await client.GetAsync(url);
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l : new Uri(url, l)) : null;
        return new Visit(response.StatusCode, location, await response.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        tandem.Dispose();
        provider.Dispose();
    }
}

/// <summary>One page a browser went to: its status, where it redirects, its body.</summary>
public sealed record Visit(HttpStatusCode Status, Uri? Location, string Text);
