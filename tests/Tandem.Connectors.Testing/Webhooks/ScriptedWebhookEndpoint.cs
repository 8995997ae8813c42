using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Http;
using Tandem.Sandbox;

namespace Tandem.Connectors.Testing.Webhooks;

/// <summary>
/// A webhook endpoint on 127.0.0.1 whose answers to posts are scripted per path (200 once the script is used up); it
/// answers Mailchimp's GET check with 200 and records every post with the time on the given clock.
/// </summary>
public sealed class ScriptedWebhookEndpoint(TimeProvider clock) : ISandboxApp
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<HttpStatusCode>> scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, string Body, DateTimeOffset At, int Status)> posts = new();

    public string App => "scripted-webhook-endpoint";

    public IReadOnlyList<(string Path, string Body, DateTimeOffset At, int Status)> Posts => posts.ToList();

    /// <summary>The next posts to <paramref name="path"/> are answered with these statuses, in order.</summary>
    public void Answer(string path, params HttpStatusCode[] statuses)
    {
        var script = scripts.GetOrAdd(path, _ => new ConcurrentQueue<HttpStatusCode>());
        foreach (var status in statuses)
        {
            script.Enqueue(status);
        }
    }

    /// <summary>Every post to <paramref name="path"/> is answered with this status.</summary>
    public void AlwaysAnswer(string path, HttpStatusCode status) => Answer(path, Enumerable.Repeat(status, 100).ToArray());

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var status = 200;
        if (HttpMethods.IsPost(context.Request.Method))
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            status = scripts.TryGetValue(path, out var script) && script.TryDequeue(out var next) ? (int)next : 200;
            posts.Enqueue((path, body, clock.GetUtcNow(), status));
        }

        context.Response.StatusCode = status;
    }
}
