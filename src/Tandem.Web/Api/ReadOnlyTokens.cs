using Tandem.Web.Identity.ApiTokens;

namespace Tandem.Web.Api;

/// <summary>A read-only API token signs in reads only: every POST, PUT, PATCH or DELETE it signs is refused (403).</summary>
internal sealed class ReadOnlyTokens : IEndpointFilter
{
    public const string Refusal = "This API token is read-only: it can read but not change anything. Make a token without the read-only scope for changes.";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var method = http.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
            || !http.User.HasClaim(ApiTokenAuthenticationHandler.ScopeClaim, ApiTokenAuthenticationHandler.ReadScope))
        {
            return await next(context);
        }

        return Results.Problem(Refusal, statusCode: StatusCodes.Status403Forbidden);
    }
}
