namespace Tandem.Connectors.Wooxy.Internal;

/// <summary>Adds Wooxy's <c>Access-Token</c> header to every request.</summary>
internal sealed class AccessTokenHandler(string token) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("Access-Token");
        request.Headers.TryAddWithoutValidation("Access-Token", token);
        return base.SendAsync(request, cancellationToken);
    }
}
