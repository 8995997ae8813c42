using System.Net;
using System.Net.Http.Headers;

namespace Tandem.Connectors.Http;

/// <summary>
/// Adds <c>Authorization: Bearer</c> from an <see cref="AccessTokenCache"/>. When the app answers 401
/// (a token revoked or expired early) the token is refreshed once and the request sent again; a second
/// 401 is returned to the caller, which reports that the account needs attention.
/// </summary>
public sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly AccessTokenCache tokens;

    public BearerTokenHandler(AccessTokenCache tokens)
    {
        this.tokens = tokens;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // A 401 means the app did nothing, so sending again is safe for any method.
        response.Dispose();
        tokens.Invalidate(token);
        token = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
