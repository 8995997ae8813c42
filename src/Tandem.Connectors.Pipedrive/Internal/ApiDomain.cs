using System.Text.Json;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Pipedrive.Internal;

/// <summary>
/// The company's API address from Pipedrive's OAuth token answer (<c>api_domain</c>, such as
/// <c>https://acme.pipedrive.com</c>): where an OAuth account's calls go when its settings name no base URL. The token
/// endpoint decides where the account's bearer token is sent next, so the address must be Pipedrive's own
/// (https, <c>*.pipedrive.com</c>) unless the host allowed it by its exact URL (a sandbox).
/// </summary>
internal sealed class ApiDomain
{
    private readonly NetworkPolicy policy;
    private Uri? current;

    public ApiDomain(NetworkPolicy policy)
    {
        this.policy = policy;
    }

    /// <summary>The last <c>api_domain</c> answered, with a trailing slash; null until a token answer carried one.</summary>
    public Uri? Current => Volatile.Read(ref current);

    /// <summary>Reads <c>api_domain</c> from a token answer (an absolute http(s) URL without query); others are ignored.</summary>
    /// <exception cref="ConnectorException">The address is not Pipedrive's and the host did not allow it.</exception>
    public void Capture(JsonElement answer)
    {
        if (answer.ValueKind == JsonValueKind.Object
            && answer.TryGetProperty("api_domain", out var domain)
            && domain.ValueKind == JsonValueKind.String
            && Uri.TryCreate(domain.GetString(), UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(url.Query))
        {
            if (!IsPipedrives(url) && !policy.IsExplicitlyAllowed(url))
            {
                throw new ConnectorException("Pipedrive's token answer named an API address outside pipedrive.com; Tandem does not send the account's calls there.");
            }

            Volatile.Write(ref current, url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/"));
        }
    }

    private static bool IsPipedrives(Uri url) =>
        url.Scheme == Uri.UriSchemeHttps && url.IsDefaultPort && url.UserInfo.Length == 0
        && (url.IdnHost.Equals("pipedrive.com", StringComparison.OrdinalIgnoreCase) || url.IdnHost.EndsWith(".pipedrive.com", StringComparison.OrdinalIgnoreCase));
}
