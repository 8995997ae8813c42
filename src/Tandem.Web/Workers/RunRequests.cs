using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Tandem.Web.Workers;

/// <summary>
/// Connections that should run now rather than at their next interval (started, resumed, edited, a webhook
/// arrived). A request for a connection already waiting is merged into it. <see cref="SyncWorkers"/> serves them.
/// </summary>
public sealed class RunRequests
{
    private readonly Channel<string> queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, byte> waiting = new(StringComparer.Ordinal);

    /// <summary>Asks for a run of the connection as soon as a worker is free.</summary>
    public void Request(string connectionId)
    {
        if (waiting.TryAdd(connectionId, 0))
        {
            queue.Writer.TryWrite(connectionId);
        }
    }

    /// <summary>The next requested connection; its later requests queue again from here.</summary>
    public async ValueTask<string> NextAsync(CancellationToken cancellationToken)
    {
        var id = await queue.Reader.ReadAsync(cancellationToken);
        waiting.TryRemove(id, out _);
        return id;
    }
}
