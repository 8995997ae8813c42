using System.Text.Json;

namespace Tandem.Connectors.Pipedrive.Internal;

/// <summary>
/// The company's API address from Pipedrive's OAuth token answer (<c>api_domain</c>, such as
/// <c>https://acme.pipedrive.com</c>): where an OAuth account's calls go when its settings name no base URL.
/// </summary>
internal sealed class ApiDomain
{
    private Uri? current;

    /// <summary>The last <c>api_domain</c> answered, with a trailing slash; null until a token answer carried one.</summary>
    public Uri? Current => Volatile.Read(ref current);

    /// <summary>Reads <c>api_domain</c> from a token answer (an absolute http(s) URL without query); others are ignored.</summary>
    public void Capture(JsonElement answer)
    {
        if (answer.ValueKind == JsonValueKind.Object
            && answer.TryGetProperty("api_domain", out var domain)
            && domain.ValueKind == JsonValueKind.String
            && Uri.TryCreate(domain.GetString(), UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(url.Query))
        {
            Volatile.Write(ref current, url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/"));
        }
    }
}
