using System.Text;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox;

/// <summary>Captures the request and response bodies around an app (a middleware) so an observer sees the exchange as it was sent.</summary>
internal static class ExchangeRecorder
{
    public static async Task HandleAsync(RequestDelegate next, HttpContext context, Action<SandboxExchange> observer)
    {
        var request = context.Request;
        request.EnableBuffering();
        string requestBody;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
        {
            requestBody = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        request.Body.Position = 0;
        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        var aborted = context.RequestAborted.IsCancellationRequested;
        if (!aborted)
        {
            captured.Position = 0;
            await captured.CopyToAsync(original, context.RequestAborted).ConfigureAwait(false);
        }

        var query = request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? string.Empty))).ToList();
        observer(new SandboxExchange(
            request.Method,
            request.Path.Value ?? "/",
            query,
            request.ContentType,
            requestBody,
            context.Response.StatusCode,
            context.Response.ContentType,
            Encoding.UTF8.GetString(captured.GetBuffer(), 0, (int)captured.Length),
            aborted));
    }
}
