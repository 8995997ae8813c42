using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Engine.Applying;
using Tandem.Engine.Collecting;
using Tandem.Engine.Logging;
using Tandem.Engine.Planning;
using Tandem.Engine.State;
using Tandem.Engine.Telemetry;

namespace Tandem.Engine;

/// <summary>
/// Runs one connection once: settle lost creates, read what changed on both sides, check the deletion
/// guard, match by email, plan and apply page by page, and only then advance the cursors. It holds no
/// state between runs and does not care who schedules it, as long as one connection is run by one
/// worker at a time.
/// </summary>
public sealed class SyncEngine
{
    private readonly ILogger logger;
    private readonly Func<string> newReference;
    private readonly TimeProvider time;

    /// <param name="logger">The engine's log.</param>
    /// <param name="newReference">Makes the client references of creates (tests fix them).</param>
    /// <param name="time">Times the run for its duration metric and a lost create's patience.</param>
    public SyncEngine(ILogger<SyncEngine>? logger = null, Func<string>? newReference = null, TimeProvider? time = null)
    {
        this.logger = logger ?? NullLogger<SyncEngine>.Instance;
        this.newReference = newReference ?? (() => Guid.NewGuid().ToString("N"));
        this.time = time ?? TimeProvider.System;
    }

    public async Task<RunReport> RunAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        var options = request.Options;
        var report = new RunReport { DryRun = options.DryRun };
        using var telemetry = new RunTelemetry(request, time);
        await using var session = await request.State.OpenAsync(request.ConnectionId, options.DryRun, cancellationToken);
        telemetry.SetRunId(session.RunId);

        // Every line logged during the run (the engine's, the connectors') carries the run's id.
        using var scope = logger.BeginScope(new LogScope(new("RunId", session.RunId), new("ConnectionId", request.ConnectionId)));
        EngineLog.RunStarted(logger, session.RunId, request.ConnectionId, options.DryRun);
        Exception? error = null;
        try
        {
            SyncContext context;
            using (RunTelemetry.Phase("prepare"))
            {
                context = await SyncContextFactory.CreateAsync(request, report, cancellationToken);
            }

            if (report.Warnings.Count > 0)
            {
                EngineLog.MappingsRefused(logger, request.ConnectionId, report.Warnings.Count);
            }

            await RunPhasesAsync(request, context, session, report, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error = ex;
            EngineLog.RunFailed(logger, session.RunId, request.ConnectionId, ex.GetType().Name, ex.TargetSite?.DeclaringType?.FullName + "." + ex.TargetSite?.Name);
            report.Outcome = RunOutcome.Failed;
            report.AuthorizationFailed = ex is ConnectorException { IsAuthorizationFailure: true };
            report.Message = ex is ConnectorException or SyncConfigurationException ? ex.Message : $"The run stopped on an unexpected error ({ex.GetType().Name}); nothing is lost, the next run goes on from here.";
        }

        if (report.Outcome == RunOutcome.Completed && report.Failed > 0)
        {
            report.Outcome = RunOutcome.CompletedWithFailures;
        }

        await session.FinishAsync(report, CancellationToken.None);
        telemetry.Finish(report, error);
        EngineLog.RunEnded(logger, session.RunId, request.ConnectionId, report.Outcome, report.WriteCalls, report.Failed);
        return report;
    }

    private async Task RunPhasesAsync(SyncRequest request, SyncContext context, ISyncSession session, RunReport report, CancellationToken cancellationToken)
    {
        var options = request.Options;
        if (!options.DryRun)
        {
            var (found, missing) = await new LostCreateRecovery(request, context, session, time).RecoverAsync(cancellationToken);
            if (found + missing > 0)
            {
                EngineLog.LostCreatesSettled(logger, session.RunId, request.ConnectionId, found, missing);
            }
        }

        await session.ReviveDeferredAsync(cancellationToken);

        // Before reading the feeds: a new connection has nothing to read again, and what is read next gets the new keys.
        var rekeyed = await session.RekeyAsync(MatchSignature(context), (side, record) => context.KeysOf(side).KeysOf(record), cancellationToken);
        var collector = new FeedCollector(session);
        var collected = new Dictionary<Side, SideCollection>();
        using (RunTelemetry.Phase("collect"))
        {
            (collected[Side.A], collected[Side.B]) = await collector.CollectBothAsync(
                request.ConnectorOf(Side.A), context.KeysOf(Side.A), request.ConnectorOf(Side.B), context.KeysOf(Side.B), options.FullRescan, cancellationToken);
            foreach (var side in new[] { Side.A, Side.B })
            {
                report.Of(side).Read = collected[side].Read;
                report.Of(side).DeletionsDetected = collected[side].DeletionsDetected;
            }
        }

        if (!options.AcknowledgeDeletions && TripsGuard(request, session, context, collected, report))
        {
            return;
        }

        foreach (var side in new[] { Side.A, Side.B })
        {
            if (collected[side].Merges.Count > 0)
            {
                // Before deletions and matching: the gone record's pair follows its survivor, nothing is tagged or deleted.
                await session.RelinkMergedAsync(side, collected[side].Merges, cancellationToken);
            }

            if (collected[side].CompleteListing && collected[side].Unseen > 0)
            {
                await session.MarkUnseenDeletedAsync(side, cancellationToken);
            }

            if (collected[side].Tombstones.Count > 0)
            {
                await session.MarkDeletedAsync(side, collected[side].Tombstones, cancellationToken);
            }
        }

        IReadOnlyList<string> kinds = [.. context.KeysOf(Side.A).Kinds.Union(context.KeysOf(Side.B).Kinds)];
        using (RunTelemetry.Phase("match"))
        {
            await session.MatchAsync(force: rekeyed > 0, kinds, cancellationToken);
        }

        var planner = new LinkPlanner(context);
        var applier = new WriteApplier(request, context, session, report, newReference);
        await ProcessDirtyAsync(planner, applier, session, report, options, context, cancellationToken);

        // A deletion handled in this run may have released a contact that a re-created one should now link to.
        if (report.A.DeletionsDetected + report.B.DeletionsDetected > 0 && await RematchAsync(session, kinds, cancellationToken) > 0)
        {
            await ProcessDirtyAsync(planner, applier, session, report, options, context, cancellationToken);
        }

        if (!options.DryRun)
        {
            foreach (var side in new[] { Side.A, Side.B })
            {
                if (collected[side].NextCursor is { } cursor)
                {
                    await session.SaveCursorAsync(side, cursor, cancellationToken);
                }
            }
        }
    }

    private static async Task<int> RematchAsync(ISyncSession session, IReadOnlyList<string> kinds, CancellationToken cancellationToken)
    {
        using (RunTelemetry.Phase("match"))
        {
            return await session.MatchAsync(force: true, kinds, cancellationToken);
        }
    }

    private static string MatchSignature(SyncContext context) => "A:" + context.KeysOf(Side.A).Signature + " B:" + context.KeysOf(Side.B).Signature;

    private static async Task ProcessDirtyAsync(LinkPlanner planner, WriteApplier applier, ISyncSession session, RunReport report, RunOptions options, SyncContext context, CancellationToken cancellationToken)
    {
        // Side A's dirty records first, then B's; a re-read after a stale version makes a record dirty again.
        while (true)
        {
            var items = await session.NextDirtyAsync(Side.A, options.PageSize, cancellationToken);
            if (items.Count == 0)
            {
                items = await session.NextDirtyAsync(Side.B, options.PageSize, cancellationToken);
            }

            if (items.Count == 0)
            {
                if (options.DryRun)
                {
                    return;
                }

                // The last partial batches; settling them may make records dirty again (a stale version).
                using (RunTelemetry.Phase("apply"))
                {
                    await applier.FinishAsync(cancellationToken);
                }

                if ((await session.NextDirtyAsync(Side.A, 1, cancellationToken)).Count + (await session.NextDirtyAsync(Side.B, 1, cancellationToken)).Count == 0)
                {
                    return;
                }

                continue;
            }

            List<ItemPlan> plans;
            using (RunTelemetry.Phase("plan"))
            {
                plans = items.Select(planner.Plan).ToList();
            }

            if (options.DryRun)
            {
                await session.CommitAsync(PlanSummary.Record(plans, report, options.SampleSize, context), cancellationToken);
            }
            else
            {
                using (RunTelemetry.Phase("apply"))
                {
                    await applier.AddAsync(plans, cancellationToken);
                }
            }
        }
    }

    private bool TripsGuard(SyncRequest request, ISyncSession session, SyncContext context, Dictionary<Side, SideCollection> collected, RunReport report)
    {
        var options = request.Settings.Options;
        foreach (var (side, collection) in collected)
        {
            var deletions = collection.DeletionsDetected;
            if (deletions >= options.DeletionGuardMinimum && deletions > options.DeletionGuardRatio * collection.LiveBefore)
            {
                EngineLog.DeletionGuardTripped(logger, session.RunId, request.ConnectionId, side.ToString(), deletions, collection.LiveBefore);
                report.Outcome = RunOutcome.DeletionGuardTripped;
                report.Message = $"{context.NameOf(side)} now lists {deletions} fewer of its {collection.LiveBefore} contacts. " +
                    "Nothing was changed; the connection is paused until someone confirms these deletions.";
                return true;
            }
        }

        return false;
    }
}
