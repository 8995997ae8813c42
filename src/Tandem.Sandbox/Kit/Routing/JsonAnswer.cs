using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Kit.Routing;

/// <summary>
/// A vendor's JSON answer written exactly as the vendor sends it: the status, the vendor's own content type (Google
/// says <c>charset=UTF-8</c>, Pipedrive names no charset, Mailchimp's errors are <c>application/problem+json</c>) and the
/// body, or no body at all (204).
/// </summary>
internal sealed class JsonAnswer(int status, JsonNode? body, string contentType) : IResult
{
    public int Status => status;

    public JsonNode? Body => body;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = status;
        if (body is null)
        {
            return;
        }

        httpContext.Response.ContentType = contentType;
        await httpContext.Response.WriteAsync(body.ToJsonString(), httpContext.RequestAborted).ConfigureAwait(false);
    }
}
