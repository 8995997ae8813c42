namespace Tandem.Web.OAuth;

/// <summary>
/// Adds the PKCE <c>code_verifier</c> (RFC 7636 §4.5) to the form of a code exchange, so the connectors' shared
/// <c>OAuthTokenClient</c> serves the consent flow unchanged.
/// </summary>
internal sealed class PkceVerifierHandler(string codeVerifier) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is FormUrlEncodedContent form)
        {
            var body = await form.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var pairs = body.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2))
                .Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0].Replace('+', ' ')), Uri.UnescapeDataString((p.Length > 1 ? p[1] : string.Empty).Replace('+', ' '))))
                .Append(new("code_verifier", codeVerifier))
                .ToList();
            request.Content = new FormUrlEncodedContent(pairs);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
