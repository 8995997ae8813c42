using System.Collections.Concurrent;
using System.Threading.Channels;
using Tandem.Runtime.Telemetry;

namespace Tandem.Web.Workers;

/// <summary>
/// Connections that should run now rather than at their next interval (started, resumed, edited, a webhook
/// arrived). A request for a connection already waiting is merged into it. <see cref="SyncWorkers"/> serves them.
/// Waiting requests count in the queue-depth metric; a webhook's request times its delay.
/// </summary>
public sealed class RunRequests(TimeProvider time)
{
    private const long NoWebhook = -1;

    private readonly Channel<string> queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    // The value is when the first webhook among the merged requests arrived (a timestamp), or NoWebhook.
    private readonly ConcurrentDictionary<string, long> waiting = new(StringComparer.Ordinal);

    /// <summary>Asks for a run of the connection as soon as a worker is free.</summary>
    public void Request(string connectionId) => Request(connectionId, NoWebhook);

    /// <summary>Asks for a run because a webhook delivery said the connection's contacts changed.</summary>
    public void RequestForWebhook(string connectionId) => Request(connectionId, time.GetTimestamp());

    /// <summary>The next requested connection; its later requests queue again from here.</summary>
    public async ValueTask<string> NextAsync(CancellationToken cancellationToken)
    {
        var id = await queue.Reader.ReadAsync(cancellationToken);
        if (waiting.TryRemove(id, out var webhookAt))
        {
            RuntimeTelemetry.RunStarted();
            if (webhookAt != NoWebhook)
            {
                RuntimeTelemetry.WebhookRunTakenUp(id, time.GetElapsedTime(webhookAt));
            }
        }

        return id;
    }

    private void Request(string connectionId, long webhookAt)
    {
        if (waiting.TryAdd(connectionId, webhookAt))
        {
            RuntimeTelemetry.RunDue();
            queue.Writer.TryWrite(connectionId);
        }
        else if (webhookAt != NoWebhook)
        {
            // Merged into a waiting request: the earliest delivery's wait is the one to report.
            waiting.TryUpdate(connectionId, webhookAt, NoWebhook);
        }
    }
}
