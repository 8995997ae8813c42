using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>A <see cref="GoogleApiException"/> as Google answers it: its envelope, and <c>WWW-Authenticate</c> on a 401.</summary>
internal sealed class GoogleErrorAnswer(GoogleApiException error) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) => GoogleErrors.WriteAsync(httpContext, error);
}
