using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tandem.Runtime.Telemetry;

/// <summary>
/// What the hosts' scheduling adds to the engine's metrics (<c>Tandem.Sync</c>): how many runs are due and not started
/// yet, and the webhook deliveries with their delay. Labels: app keys, connection ids and results only.
/// </summary>
public static class RuntimeTelemetry
{
    /// <summary>The meter's name.</summary>
    public const string Name = "Tandem.Runtime";

    private static readonly Meter Meter = new(Name);

    private static readonly UpDownCounter<long> DueRuns = Meter.CreateUpDownCounter<long>(
        "tandem.sync.queue.depth", "{run}", "Runs that are due (asked for, or their interval passed) and have not started yet.");

    private static readonly Counter<long> Deliveries = Meter.CreateCounter<long>(
        "tandem.webhook.deliveries", "{delivery}", "Webhook deliveries received, by result (accepted, ignored, refused).");

    private static readonly Histogram<double> Delay = Meter.CreateHistogram<double>(
        "tandem.webhook.delay", "s", "From accepting a webhook delivery to a worker taking up the run it asked for.");

    /// <summary>A run became due; pair it with <see cref="RunStarted"/>.</summary>
    public static void RunDue() => DueRuns.Add(1);

    /// <summary>A due run started (or was dropped).</summary>
    public static void RunStarted() => DueRuns.Add(-1);

    /// <summary>A webhook delivery for <paramref name="connectionId"/> of <paramref name="app"/> was <paramref name="result"/>.</summary>
    public static void WebhookDelivered(string app, string connectionId, string result) =>
        Deliveries.Add(1, new TagList { { "tandem.app", app }, { "tandem.connection.id", connectionId }, { "tandem.webhook.result", result } });

    /// <summary>The run a webhook asked for was taken up <paramref name="delay"/> after the delivery.</summary>
    public static void WebhookRunTakenUp(string connectionId, TimeSpan delay) =>
        Delay.Record(delay.TotalSeconds, new TagList { { "tandem.connection.id", connectionId } });
}
