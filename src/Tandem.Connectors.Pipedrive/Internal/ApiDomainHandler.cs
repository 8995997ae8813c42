namespace Tandem.Connectors.Pipedrive.Internal;

/// <summary>
/// Sends an OAuth account's calls to its company's <c>api_domain</c>. Sits inside the bearer handler, which fetches a
/// token (and so learns the domain) before the request comes through; a request still addressed to the placeholder
/// base is re-addressed, path and query kept. Without an <c>api_domain</c> the call goes to the placeholder
/// (<c>api.pipedrive.com</c>).
/// </summary>
internal sealed class ApiDomainHandler : DelegatingHandler
{
    private readonly ApiDomain domain;
    private readonly Uri placeholder;

    public ApiDomainHandler(ApiDomain domain, Uri placeholder)
    {
        this.domain = domain;
        this.placeholder = placeholder;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (domain.Current is { } target && request.RequestUri is { } uri && placeholder.IsBaseOf(uri))
        {
            // Text, not MakeRelativeUri: the path and query stay exactly as escaped.
            request.RequestUri = new Uri(target.AbsoluteUri + uri.PathAndQuery[placeholder.AbsolutePath.Length..]);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
