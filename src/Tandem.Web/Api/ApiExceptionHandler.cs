using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Tandem.Web.Services.Errors;

namespace Tandem.Web.Api;

/// <summary>
/// Turns the services' refusals into problem details with a message (400 bad input, 404 not found or not
/// yours, 409 conflict) for API and webhook calls. Anything else is left to the default handler (500 with no
/// detail: an unexpected message could hold data).
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var path = httpContext.Request.Path;
        if (!path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && !path.StartsWithSegments("/hooks", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var (status, title, detail, errors) = exception switch
        {
            InvalidRequestException e => (StatusCodes.Status400BadRequest, "The request cannot be carried out as given; nothing was changed.", e.Message, e.Errors),
            NotFoundException e => (StatusCodes.Status404NotFound, "Not found.", e.Message, null),
            ConflictException e => (StatusCodes.Status409Conflict, "The request clashes with the current state; nothing was changed.", e.Message, null),
            BadHttpRequestException e => (e.StatusCode, "The request could not be read; nothing was changed.", Describe(e), null),
            _ => (0, string.Empty, string.Empty, (IReadOnlyList<string>?)null),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        };
        if (errors is { Count: > 1 })
        {
            context.ProblemDetails.Extensions["errors"] = errors;
        }

        return await problems.TryWriteAsync(context);
    }

    // The JSON reader's message names the path and position of the bad member, never the value.
    private static string Describe(BadHttpRequestException e) => e.InnerException is JsonException json
        ? $"The body is not valid: {json.Message}"
        : e.Message;
}
