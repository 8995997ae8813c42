using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tandem.Engine.Telemetry;

/// <summary>
/// The engine's traces and metrics, on plain <see cref="System.Diagnostics"/> (no OpenTelemetry here: a host that
/// listens to <see cref="Name"/> gets them, one that does not pays almost nothing). Attributes carry ids, app keys,
/// sides and outcomes only — never contact data, never secrets.
/// </summary>
public static class SyncTelemetry
{
    /// <summary>The name of both the activity source and the meter.</summary>
    public const string Name = "Tandem.Sync";

    internal static readonly ActivitySource Source = new(Name);

    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> RunsStarted = Meter.CreateCounter<long>("tandem.sync.runs.started", "{run}", "Runs of a connection that started.");

    internal static readonly Counter<long> RunsCompleted = Meter.CreateCounter<long>("tandem.sync.runs.completed", "{run}", "Runs that completed (some contacts may have failed).");

    internal static readonly Counter<long> RunsFailed = Meter.CreateCounter<long>("tandem.sync.runs.failed", "{run}", "Runs that failed or stopped at the deletion guard.");

    internal static readonly Histogram<double> RunDuration = Meter.CreateHistogram<double>("tandem.sync.run.duration", "s", "How long a run took.");

    internal static readonly Counter<long> ContactsCreated = Meter.CreateCounter<long>("tandem.sync.contacts.created", "{contact}", "Contacts created in an app.");

    internal static readonly Counter<long> ContactsUpdated = Meter.CreateCounter<long>("tandem.sync.contacts.updated", "{contact}", "Contacts updated in an app.");

    internal static readonly Counter<long> ContactsFailed = Meter.CreateCounter<long>("tandem.sync.contacts.failed", "{contact}", "Writes an app refused.");
}
