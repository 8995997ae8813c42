using System.Diagnostics;
using Tandem.Domain.Configuration;

namespace Tandem.Engine.Telemetry;

/// <summary>
/// One run's trace and metrics: the run span (a new trace of its own, linked to whatever asked for the run), a span
/// per phase below it, and the counters and duration recorded when it ends.
/// </summary>
internal sealed class RunTelemetry : IDisposable
{
    private const string Unknown = "unknown";

    private readonly SyncRequest request;
    private readonly TimeProvider time;
    private readonly long started;
    private readonly Activity? run;

    public RunTelemetry(SyncRequest request, TimeProvider time)
    {
        this.request = request;
        this.time = time;
        started = time.GetTimestamp();
        var caller = Activity.Current;
        Activity.Current = null;
        run = SyncTelemetry.Source.StartActivity(
            "sync run",
            ActivityKind.Internal,
            parentContext: default,
            tags: null,
            links: caller is null ? null : [new ActivityLink(caller.Context)]);
        run?.SetTag(SyncAttributes.ConnectionId, request.ConnectionId);
        run?.SetTag(SyncAttributes.AppA, request.AppA ?? Unknown);
        run?.SetTag(SyncAttributes.AppB, request.AppB ?? Unknown);
        run?.SetTag(SyncAttributes.DryRun, request.Options.DryRun);
        SyncTelemetry.RunsStarted.Add(1, RunTags());
    }

    /// <summary>Names the run once the state store has given it an id.</summary>
    public void SetRunId(long runId) => run?.SetTag(SyncAttributes.RunId, runId);

    /// <summary>A span for one phase (<c>prepare</c>, <c>collect</c>, <c>match</c>, <c>plan</c>, <c>apply</c>) of this run; dispose it when the phase ends.</summary>
    public static Activity? Phase(string name, Side? side = null)
    {
        var activity = SyncTelemetry.Source.StartActivity(name);
        if (side is { } s)
        {
            activity?.SetTag(SyncAttributes.Side, SideName(s));
        }

        return activity;
    }

    public void Finish(RunReport report, Exception? error)
    {
        var outcome = OutcomeName(report.Outcome);
        var tags = RunTags();
        tags.Add(SyncAttributes.Outcome, outcome);
        (report.Outcome is RunOutcome.Completed or RunOutcome.CompletedWithFailures ? SyncTelemetry.RunsCompleted : SyncTelemetry.RunsFailed).Add(1, tags);
        SyncTelemetry.RunDuration.Record(time.GetElapsedTime(started).TotalSeconds, tags);
        foreach (var side in new[] { Side.A, Side.B })
        {
            var counts = report.Of(side);
            var sideTags = RunTags();
            sideTags.Add(SyncAttributes.Side, SideName(side));
            sideTags.Add(SyncAttributes.App, (side == Side.A ? request.AppA : request.AppB) ?? Unknown);
            Add(SyncTelemetry.ContactsCreated, counts.Created, sideTags);
            Add(SyncTelemetry.ContactsUpdated, counts.Updated, sideTags);
            Add(SyncTelemetry.ContactsFailed, counts.Failed, sideTags);
        }

        if (run is null)
        {
            return;
        }

        run.SetTag(SyncAttributes.Outcome, outcome);
        if (error is not null)
        {
            run.SetTag(SyncAttributes.ErrorType, error.GetType().FullName);
        }

        // The status description is the outcome's name, not the report's message: a vendor's words may quote a contact.
        run.SetStatus(report.Outcome is RunOutcome.Completed ? ActivityStatusCode.Ok : ActivityStatusCode.Error, report.Outcome is RunOutcome.Completed ? null : outcome);
    }

    public void Dispose() => run?.Dispose();

    private static void Add(System.Diagnostics.Metrics.Counter<long> counter, int value, TagList tags)
    {
        if (value > 0)
        {
            counter.Add(value, tags);
        }
    }

    // Per connection and per app: the two apps label every run metric, so runs can be summed by app as well.
    private TagList RunTags() => new()
    {
        { SyncAttributes.ConnectionId, request.ConnectionId },
        { SyncAttributes.AppA, request.AppA ?? Unknown },
        { SyncAttributes.AppB, request.AppB ?? Unknown },
        { SyncAttributes.DryRun, request.Options.DryRun },
    };

    private static string SideName(Side side) => side == Side.A ? "a" : "b";

    private static string OutcomeName(RunOutcome outcome) => outcome switch
    {
        RunOutcome.Completed => "completed",
        RunOutcome.CompletedWithFailures => "completed_with_failures",
        RunOutcome.DeletionGuardTripped => "deletion_guard_tripped",
        _ => "failed",
    };
}
