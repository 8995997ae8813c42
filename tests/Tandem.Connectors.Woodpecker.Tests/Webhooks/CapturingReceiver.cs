using System.Collections.Concurrent;
using System.Net;

namespace Tandem.Connectors.Woodpecker.Tests.Webhooks;

/// <summary>Where the sandbox posts its webhooks in these tests: it keeps each post and answers with the status given.</summary>
internal sealed class CapturingReceiver(HttpStatusCode answer) : HttpMessageHandler
{
    public ConcurrentQueue<(Uri Url, string Body)> Posts { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Posts.Enqueue((request.RequestUri!, await request.Content!.ReadAsStringAsync(cancellationToken)));
        return new HttpResponseMessage(answer);
    }
}
