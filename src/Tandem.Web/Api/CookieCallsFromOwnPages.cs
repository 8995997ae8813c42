using Microsoft.Extensions.Options;
using Tandem.Web.Hosting;
using Tandem.Web.Identity;

namespace Tandem.Web.Api;

/// <summary>
/// An unsafe API call (POST, PUT, PATCH, DELETE) signed in only by the browser's cookie must carry an <c>Origin</c> of
/// this server (its own address, or <c>Tandem:PublicUrl</c>): a browser sends the cookie along with a form another site
/// posts, but always names that site as the origin. Bearer tokens are unaffected; programs use them.
/// </summary>
internal sealed class CookieCallsFromOwnPages(IOptions<TandemWebOptions> options) : IEndpointFilter
{
    public const string Refusal = "A change signed in with the browser's cookie must come from Tandem's own pages; programs send an API token (Authorization: Bearer).";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var method = http.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || !SignedIn.ByCookieOnly(http.User) || IsOwnOrigin(http))
        {
            return await next(context);
        }

        return Results.Problem(Refusal, statusCode: StatusCodes.Status403Forbidden);
    }

    private bool IsOwnOrigin(HttpContext http)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin) || !Uri.TryCreate(origin, UriKind.Absolute, out var given))
        {
            return false;
        }

        var own = new Uri($"{http.Request.Scheme}://{http.Request.Host}");
        return SameOrigin(given, own) || (options.Value.PublicBaseUri() is { } publicUrl && SameOrigin(given, publicUrl));
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
