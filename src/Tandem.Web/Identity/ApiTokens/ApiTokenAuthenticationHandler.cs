using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Tandem.Web.Identity.ApiTokens;

/// <summary>Signs a request in from <c>Authorization: Bearer &lt;token&gt;</c>, checked against the stored hashes.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>The claim naming the token that signed the request in.</summary>
    public const string TokenIdClaim = "tandem:token";

    /// <summary>The claim holding a limited token's scope (<see cref="ReadScope"/>).</summary>
    public const string ScopeClaim = "tandem:scope";

    public const string ReadScope = "read";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var grant = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (grant is null)
        {
            return AuthenticateResult.Fail("The API token is unknown, revoked or expired.");
        }

        List<Claim> claims = [new(ClaimTypes.NameIdentifier, grant.UserId), new(TokenIdClaim, grant.TokenId)];
        if (grant.ReadOnly)
        {
            claims.Add(new Claim(ScopeClaim, ReadScope));
        }

        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
