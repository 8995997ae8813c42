using System.Text.Encodings.Web;

namespace Tandem.Web.OAuth;

/// <summary>The page a user lands on when a consent flow cannot finish: what went wrong, and the way back.</summary>
internal static class OAuthErrorPage
{
    public static IResult Render(string message, int status = StatusCodes.Status400BadRequest)
    {
        var text = HtmlEncoder.Default.Encode(message);
        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8" /><title>Not connected — Tandem</title><link rel="stylesheet" href="/app.css" /></head>
            <body><main class="page">
            <h1>The account was not connected</h1>
            <p class="error" role="alert">{text}</p>
            <p><a href="/accounts">Back to your accounts</a></p>
            </main></body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
