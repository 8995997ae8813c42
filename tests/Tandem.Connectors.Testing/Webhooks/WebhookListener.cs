using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Tandem.Sandbox;

namespace Tandem.Connectors.Testing.Webhooks;

/// <summary>A webhook endpoint on 127.0.0.1 for tests: answers Mailchimp's GET check and keeps every post (path and form body), in order.</summary>
public sealed class WebhookListener : ISandboxApp
{
    private readonly Channel<(string Path, string Body)> posts = Channel.CreateUnbounded<(string Path, string Body)>();

    public string App => "webhook-listener";

    public async Task HandleAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method))
        {
            using var reader = new StreamReader(context.Request.Body);
            posts.Writer.TryWrite((context.Request.Path.Value ?? "/", await reader.ReadToEndAsync(context.RequestAborted)));
        }

        context.Response.StatusCode = 200;
    }

    /// <summary>The next post; fails after a timeout instead of waiting forever.</summary>
    public async Task<(string Path, string Body)> NextPostAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await posts.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The next posted form body.</summary>
    public async Task<string> NextAsync(CancellationToken cancellationToken) => (await NextPostAsync(cancellationToken)).Body;
}
