using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace Tandem.Sandbox.Workbooks;

/// <summary>
/// Workbooks' throttling: "if your client issues excessive API calls it may be delayed or redirected via a delaying
/// URL" and redirects "must be followed". The sandbox redirects to the request's own URL (302, HTML body), so a client
/// that follows it sends the request again; the request itself did nothing.
/// </summary>
internal sealed class ThrottleRedirect : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var request = httpContext.Request;
        httpContext.Response.StatusCode = StatusCodes.Status302Found;
        httpContext.Response.Headers.Location = UriHelper.BuildRelative(request.PathBase, request.Path, request.QueryString);
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        await httpContext.Response.WriteAsync("<html><body>You are being <a href=\"\">redirected</a>.</body></html>", httpContext.RequestAborted).ConfigureAwait(false);
    }
}
