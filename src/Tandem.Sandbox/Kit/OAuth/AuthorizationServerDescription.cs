using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Kit.OAuth;

/// <summary>
/// A vendor's OAuth 2.0 authorisation server as the sandbox plays it: the one registered client, how it authenticates,
/// the tokens it gets and what the vendor's answers add. Defaults are the common case (expiring bearer tokens with
/// refresh tokens); a vendor states only where it differs.
/// </summary>
internal sealed record AuthorizationServerDescription
{
    public required string ClientId { get; init; }

    public required string ClientSecret { get; init; }

    /// <summary>The client's registered redirect URIs: the only places a code is sent (see <see cref="RegisteredRedirect"/>).</summary>
    public required IReadOnlyList<Uri> RedirectUris { get; init; }

    public required ClientAuthentication ClientAuthentication { get; init; }

    /// <summary>How long an access token works; null when the vendor's tokens never expire (Mailchimp answers <c>expires_in: 0</c>).</summary>
    public TimeSpan? AccessTokenLifetime { get; init; }

    /// <summary>Whether a code brings a refresh token and <c>grant_type=refresh_token</c> is taken.</summary>
    public bool IssuesRefreshTokens { get; init; } = true;

    /// <summary>Whether a refresh answers the refresh token again (Pipedrive does; Google leaves it out).</summary>
    public bool RepeatsRefreshToken { get; init; }

    /// <summary>The granted scope in the token answer (JSON null when the vendor sends null).</summary>
    public string? Scope { get; init; }

    /// <summary>Whether the token answer has a <c>scope</c> member at all (HubSpot's lists <c>scopes</c> instead, in its extras).</summary>
    public bool AnswersScope { get; init; } = true;

    /// <summary>Whether the redirect back names the granted <c>scope</c> too (Google).</summary>
    public bool ScopeInRedirect { get; init; }

    /// <summary>The token answer's <c>token_type</c>; null when the vendor sends none.</summary>
    public string? TokenType { get; init; } = "Bearer";

    /// <summary>Whether the consent page refuses a request without <c>response_type=code</c>.</summary>
    public bool RequiresResponseType { get; init; }

    /// <summary>The plain-text refusal of an unknown client on the consent page (empty for an empty 400).</summary>
    public string UnknownClientText { get; init; } = string.Empty;

    public string CodePrefix { get; init; } = "code-";

    public string AccessTokenPrefix { get; init; } = "access-";

    public string RefreshTokenPrefix { get; init; } = "refresh-";

    /// <summary>Refresh tokens that work from the start, as if the demo user had approved the client before.</summary>
    public IReadOnlyList<string> DemoRefreshTokens { get; init; } = [];

    /// <summary>Access tokens that work from the start and never expire.</summary>
    public IReadOnlyList<string> DemoAccessTokens { get; init; } = [];

    /// <summary>Fields the vendor adds to a token answer (Pipedrive's <c>api_domain</c>), given the request.</summary>
    public Func<HttpContext, JsonObject>? TokenAnswerExtras { get; init; }

    /// <summary>The content type of the token endpoint's JSON answers.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>The vendor's <c>error_description</c> for an <c>error</c> code, where it has its own wording.</summary>
    public IReadOnlyDictionary<string, string> ErrorDescriptions { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
