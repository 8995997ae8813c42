namespace Tandem.Sandbox;

/// <summary>The demo OAuth client a sandbox's consent page knows, and where that page and its token endpoint are.</summary>
/// <param name="ClientId">The demo client id.</param>
/// <param name="ClientSecret">The demo client secret (public: the sandbox's, nobody's secret).</param>
/// <param name="AuthorizeUrl">The sandbox's consent page.</param>
/// <param name="TokenUrl">The sandbox's token endpoint.</param>
public sealed record SandboxOAuthClient(string ClientId, string ClientSecret, Uri AuthorizeUrl, Uri TokenUrl);
