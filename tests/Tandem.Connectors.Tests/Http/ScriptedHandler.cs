namespace Tandem.Connectors.Tests.Http;

/// <summary>An innermost handler that answers from a script, one step per request, and counts requests.</summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> steps = new();

    public int Requests { get; private set; }

    public List<string> Bodies { get; } = [];

    public ScriptedHandler Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step)
    {
        steps.Enqueue(step);
        return this;
    }

    public ScriptedHandler Then(Func<HttpResponseMessage> response) => Then((_, _) => Task.FromResult(response()));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        Bodies.Add(request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken));
        return await steps.Dequeue()(request, cancellationToken);
    }
}
